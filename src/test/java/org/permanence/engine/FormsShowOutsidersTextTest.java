package org.permanence.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * The Tasklist renders a form's text views as markdown with HTML, after putting the variables in:
 * what callers, mail senders and clients typed must never be put there raw. It is shown in read-only
 * fields, which show text as text; what a text view shows of it is escaped where it is made
 * ({@code callerHistory}, {@code request}: see PlainText).
 */
@Tag("unit")
class FormsShowOutsidersTextTest {

    /** Variables holding what an outsider typed, or a secretary typed from what a caller said, or what was read from a document an outsider sent. */
    private static final Set<String> OUTSIDERS_WORDS = Set.of("callerName", "reason", "notes", "callerEmail", "incomingFrom",
            "incomingSubject", "incomingProblem", "clientComment", "mail", "subject", "examineOutcome", "callBackNote",
            "originalName", "sender", "invoiceNumber", "documentDate", "amount");
    private static final Pattern TEMPLATED = Pattern.compile("\\{\\{\\s*#?(?:if\\s+)?([A-Za-z_][A-Za-z0-9_]*)");

    @Test
    void noTextViewPutsAnOutsidersWordsIntoItsMarkdown() throws IOException {
        List<String> raw = new ArrayList<>();
        for (Path form : forms()) {
            for (JsonNode text : textViews(new ObjectMapper().readTree(form.toFile()).get("components"))) {
                Matcher variable = TEMPLATED.matcher(text.get("text").asText());
                while (variable.find()) {
                    if (OUTSIDERS_WORDS.contains(variable.group(1))) {
                        raw.add(form.getFileName() + " " + text.get("id").asText() + ": {{" + variable.group(1) + "}}");
                    }
                }
            }
        }
        assertThat(raw).isEmpty();
    }

    @Test
    void theCallersWordsAreStillShownInReadOnlyFields() throws IOException {
        JsonNode callBack = new ObjectMapper().readTree(Path.of("forms", "call-back.form").toFile()).get("components");
        List<String> shown = new ArrayList<>();
        callBack.forEach(component -> {
            if (component.path("readonly").asBoolean()) {
                shown.add(component.get("key").asText());
            }
        });
        assertThat(shown).containsExactly("callerName", "callerNumber", "reason", "notes");
    }

    private static List<Path> forms() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            return files.filter(file -> file.toString().endsWith(".form")).sorted().toList();
        }
    }

    private static List<JsonNode> textViews(JsonNode components) {
        List<JsonNode> texts = new ArrayList<>();
        components.forEach(component -> {
            if ("text".equals(component.path("type").asText())) {
                texts.add(component);
            }
            if (component.has("components")) {
                texts.addAll(textViews(component.get("components")));
            }
        });
        return texts;
    }
}
