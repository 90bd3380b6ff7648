package org.permanence.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

    @Test
    void theManagersPagesHaveTheSameWordsInFrenchAndEnglish() throws IOException {
        assertSameKeys("i18n/manage.properties", "i18n/manage_fr.properties");
    }

    @Test
    void theFocusBlocksPageHasTheSameWordsInFrenchAndEnglish() throws IOException {
        assertSameKeys("i18n/focus.properties", "i18n/focus_fr.properties");
    }

    @Test
    void theDocumentsPageHasTheSameWordsInFrenchAndEnglish() throws IOException {
        assertSameKeys("i18n/documents.properties", "i18n/documents_fr.properties");
    }

    @Test
    void theDeploymentGuardSpeaksFrenchAndEnglish() throws IOException {
        assertSameKeys("i18n/guard.properties", "i18n/guard_fr.properties");
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
    @ValueSource(strings = {"texts/presence", "templates/rdv/words", "templates/depot/words"})
    void aBundleInBothLanguagesHasTheSameKeysInEach(String bundle) throws IOException {
        assertSameKeys(bundle + "_en.properties", bundle + "_fr.properties");
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
