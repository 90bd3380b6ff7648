package org.permanence.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Tag;

/**
 * Every text the office shows or sends exists in French and in English: the same keys in both files
 * of each bundle, and the same mail templates in both folders. A key added in one language only would
 * show a raw key, or fall back to the other language, in front of a caller or a client.
 */
@Tag("unit")
class TextsTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

    /**
     * Every bundle of the application's MessageSource (i18n/*.properties) but the field problems (below):
     * the English file ({@code _en}, else the default one) and the French one hold the same keys.
     */
    @ParameterizedTest
    @MethodSource("bundles")
    void aBundleHasTheSameKeysInFrenchAndEnglish(String bundle) throws IOException {
        String english = Files.exists(RESOURCES.resolve(bundle + "_en.properties")) ? bundle + "_en.properties" : bundle + ".properties";
        assertSameKeys(english, bundle + "_fr.properties");
    }

    static Stream<String> bundles() throws IOException {
        try (Stream<Path> files = Files.list(RESOURCES.resolve("i18n"))) {
            List<String> bundles = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".properties"))
                    .map(name -> "i18n/" + name.replaceFirst("(_fr|_en)?\\.properties$", ""))
                    .filter(bundle -> !bundle.equals("i18n/problems"))
                    .distinct().sorted().toList();
            assertThat(bundles).contains("i18n/manage", "i18n/presence", "i18n/rdv");
            return bundles.stream();
        }
    }

    /**
     * Field problems: the English of Bean Validation's constraints is in the default file, the English of
     * the office's own rules is written with each check ({@code FieldProblem.of(field, code, english)}); the
     * French of both is in {@code problems_fr.properties}.
     */
    @Test
    void everyFieldProblemHasItsFrench() throws IOException {
        Set<String> french = keys("i18n/problems_fr.properties");
        assertThat(difference(keys("i18n/problems.properties"), french)).as("constraints without French").isEmpty();
        Set<String> codes = new TreeSet<>();
        Pattern codeOfAProblem = Pattern.compile("FieldProblem\\.of\\([^,;]+,\\s*\"([^\"]+)\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(file -> file.toString().endsWith(".java")).toList()) {
                Matcher code = codeOfAProblem.matcher(Files.readString(source));
                while (code.find()) {
                    codes.add(code.group(1));
                }
            }
        }
        assertThat(codes).isNotEmpty();
        assertThat(difference(codes, french)).as("the office's rules without French").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"templates/appointments", "templates/drafting", "templates/notifications"})
    void mailTemplatesExistInBothLanguages(String folder) throws IOException {
        assertThat(fileNames(RESOURCES.resolve(folder).resolve("fr")))
                .isNotEmpty()
                .isEqualTo(fileNames(RESOURCES.resolve(folder).resolve("en")));
    }

    private static void assertSameKeys(String english, String french) throws IOException {
        Set<String> englishKeys = keys(english);
        Set<String> frenchKeys = keys(french);
        assertThat(englishKeys).as(english).isNotEmpty();
        assertThat(difference(englishKeys, frenchKeys)).as("keys of %s missing from %s", english, french).isEmpty();
        assertThat(difference(frenchKeys, englishKeys)).as("keys of %s missing from %s", french, english).isEmpty();
    }

    private static Set<String> keys(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(RESOURCES.resolve(file))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    private static Set<String> difference(Set<String> these, Set<String> those) {
        Set<String> left = new TreeSet<>(these);
        left.removeAll(those);
        return left;
    }

    private static Set<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
