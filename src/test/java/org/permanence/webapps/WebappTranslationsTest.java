package org.permanence.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Our French translation of Camunda's web apps (Tasklist, Cockpit, Admin, and the Welcome page they
 * link to) against the English file Camunda ships in its webjar, both read from the classpath as the
 * running app serves them: after a Camunda upgrade, a key Camunda added and we did not translate
 * fails here, not as an English (or raw key) label in front of a secretary.
 */
@Tag("unit")
class WebappTranslationsTest {

    private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
    /** Labels French writes as English does: names, abbreviations, symbols, and words both languages share. */
    private static final Set<String> SAME_IN_FRENCH = Set.of(
            "Camunda", "Camunda Cockpit", "Cockpit", "Tasklist", "Optimize", "CSV", "JSON", "ID", "ID*", "OK", "null",
            "<", "<=", ">", ">=", "s", "<version>", "Incident : ID", "Variable / {{variableName}}", "{{count}} jobs",
            "Action", "Actions", "Active", "Annotation", "Application", "Applications", "Configuration", "Date", "Description",
            "Documentation", "Double", "Exception", "Incidents", "Instance", "instance", "instances", " instances.", "Job", "Jobs",
            "Message", "Migration", "Notification", "Options", "Source", "Total", "Type", "Types", "Variable", "Variables", "Version");
    /** What must pass through a translation untouched: interpolations ({{name}}, {}) and HTML tags, by name. */
    private static final Pattern KEPT = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}|\\{}|</?(a|b|br|code|em|i|p|span|strong|ul|li)\\b");

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void frenchHasEveryKeyOfCamundasEnglishAndNoOther(String app) throws IOException {
        assertThat(leaves(read(app, "fr")).keySet()).containsExactlyInAnyOrderElementsOf(leaves(read(app, "en")).keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyLabelIsTranslated(String app) throws IOException {
        JsonNode english = read(app, "en").get("labels");
        JsonNode french = read(app, "fr").get("labels");
        List<String> untranslated = new ArrayList<>();
        List<String> changedMarkup = new ArrayList<>();
        english.properties().forEach(label -> {
            String en = label.getValue().asText();
            String fr = french.path(label.getKey()).asText("");
            if (!en.isBlank() && (fr.isBlank() || (fr.equals(en) && !SAME_IN_FRENCH.contains(en)))) {
                untranslated.add(label.getKey() + " = " + en);
            }
            if (!kept(en).equals(kept(fr))) {
                changedMarkup.add(label.getKey() + ": " + kept(en) + " became " + kept(fr));
            }
        });
        assertThat(untranslated).as("labels left empty or in English").isEmpty();
        assertThat(changedMarkup).as("interpolations and HTML tags lost or added in translation").isEmpty();
    }

    /** Our fr.json is the only one on the classpath, and Camunda still ships none that ours would hide. */
    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void oursIsTheOnlyFrenchFile(String app) throws IOException {
        List<URL> found = Collections.list(getClass().getClassLoader().getResources(LOCALES.formatted(app, "fr")));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).getProtocol()).as("read from our classes, not from a jar").isEqualTo("file");
    }

    private JsonNode read(String app, String language) throws IOException {
        String path = LOCALES.formatted(app, language);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return json.readTree(in); // Jackson skips the byte-order mark Camunda's files start with
        }
    }

    /** Every value's path (labels.CLAIM_TASK, dateLocales.months[0]) with its text. */
    private static Map<String, String> leaves(JsonNode node) {
        Map<String, String> leaves = new TreeMap<>();
        collect(node, "", leaves);
        return leaves;
    }

    private static void collect(JsonNode node, String path, Map<String, String> leaves) {
        if (node.isObject()) {
            node.properties().forEach(child -> collect(child.getValue(), path.isEmpty() ? child.getKey() : path + "." + child.getKey(), leaves));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", leaves);
            }
        } else {
            leaves.put(path, node.asText());
        }
    }

    /** The interpolations and tags of a text, counted, in no particular order. */
    private static Map<String, Integer> kept(String text) {
        Map<String, Integer> kept = new LinkedHashMap<>();
        Matcher matcher = KEPT.matcher(text);
        while (matcher.find()) {
            kept.merge(matcher.group(1) != null ? "{{" + matcher.group(1) + "}}" : matcher.group(), 1, Integer::sum);
        }
        return new TreeMap<>(kept);
    }
}
