package org.permanence.drafting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.permanence.system.FieldProblem;
import org.springframework.context.MessageSource;

/**
 * Templates as managers read and write them: {@code {Nom de l'appelant}} where the template engine needs
 * {@code [(${caller.name})]}, {@code {si Motif de l'appel}…{fin}} for a part written only when that field
 * has a value ({@code {si pas …}}: only when it has none). Converted both ways, in French or English
 * (labels: {@code placeholder.*} in {@code i18n/manage*.properties}, from the application's MessageSource);
 * a label of either language is read.
 * Anything else of the template engine's stays as it is, for those who know it.
 */
public final class Placeholders {

    private static final Pattern STORED = Pattern.compile(
            "\\[\\(\\$\\{([a-z]+(?:\\.[a-z]+)?)}\\)]|\\[# th:if=\"\\$\\{([a-z.]+) (!=|==) ''}\"]|\\[# th:unless=\"\\$\\{([a-z.]+) != ''}\"]|\\[/]");
    /** Braces of their own: {@code ${caller.name}} and the template engine's other expressions are not placeholders. */
    private static final Pattern PLAIN = Pattern.compile("(?<![$#*@~])\\{([^{}\\n]{1,60})}");
    private static final Map<String, Words> WORDS = Map.of("fr", new Words("si", "si pas", "fin"), "en", new Words("if", "if no", "end"));

    /** The words of a language's conditions: {@code {si X}}, {@code {si pas X}}, {@code {fin}}. */
    private record Words(String when, String unless, String end) {
    }

    private final String language;
    /** Field → label in the page's language, in the order of the list managers pick from. */
    private final Map<String, String> labels = new LinkedHashMap<>();
    /** Label (lower case, either language) → field. */
    private final Map<String, String> fields = new LinkedHashMap<>();

    private Placeholders(MessageSource texts, String language) {
        this.language = WORDS.containsKey(language) ? language : "fr";
        for (String lang : List.of(this.language, this.language.equals("fr") ? "en" : "fr")) {
            for (String field : CaseFacts.FIELDS) {
                String label = texts.getMessage("placeholder." + field, null, Locale.forLanguageTag(lang));
                labels.putIfAbsent(field, label);
                fields.putIfAbsent(label.toLowerCase(Locale.ROOT), field);
            }
        }
    }

    public static Placeholders in(MessageSource texts, String language) {
        return new Placeholders(texts, language);
    }

    /** Each field and its label, for the list managers insert from. */
    public Map<String, String> labels() {
        return labels;
    }

    /** The stored template as managers read it. */
    public String toPlain(String stored) {
        if (stored == null) {
            return null;
        }
        Words words = WORDS.get(language);
        Matcher found = STORED.matcher(stored);
        StringBuilder plain = new StringBuilder();
        while (found.find()) {
            String replacement;
            if (found.group(1) != null) {
                replacement = labels.containsKey(found.group(1)) ? "{" + labels.get(found.group(1)) + "}" : found.group();
            } else if (found.group(2) != null) {
                replacement = labels.containsKey(found.group(2))
                        ? "{" + ("!=".equals(found.group(3)) ? words.when() : words.unless()) + " " + labels.get(found.group(2)) + "}" : found.group();
            } else if (found.group(4) != null) {
                replacement = labels.containsKey(found.group(4)) ? "{" + words.unless() + " " + labels.get(found.group(4)) + "}" : found.group();
            } else {
                replacement = "{" + words.end() + "}";
            }
            found.appendReplacement(plain, Matcher.quoteReplacement(replacement));
        }
        found.appendTail(plain);
        return plain.toString();
    }

    /** The template as the template engine needs it; a placeholder it does not know is left for {@link #problems} to report. */
    public String toStored(String plain) {
        if (plain == null) {
            return null;
        }
        Matcher found = PLAIN.matcher(plain);
        StringBuilder stored = new StringBuilder();
        while (found.find()) {
            String replacement = stored(found.group(1)).orElse(found.group());
            found.appendReplacement(stored, Matcher.quoteReplacement(replacement));
        }
        found.appendTail(stored);
        return stored.toString();
    }

    /** Each placeholder in braces that names no field, with its line and column, for this field of the page. */
    public List<FieldProblem> problems(String field, String plain) {
        List<FieldProblem> problems = new ArrayList<>();
        if (plain == null) {
            return problems;
        }
        Matcher found = PLAIN.matcher(plain);
        while (found.find()) {
            if (stored(found.group(1)).isEmpty()) {
                String before = plain.substring(0, found.start());
                int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
                int column = found.start() - before.lastIndexOf('\n');
                String known = String.join(", ", labels.values());
                problems.add(FieldProblem.of(field, "template.unknownPlaceholder", "line " + line + ", column " + column + ": {"
                        + found.group(1) + "} is no field; the fields are " + known, line, column, found.group(1), known));
            }
        }
        return problems;
    }

    private Optional<String> stored(String inBraces) {
        String text = inBraces.strip().replaceAll("\\s+", " ");
        String lower = text.toLowerCase(Locale.ROOT);
        for (Words words : WORDS.values()) {
            if (lower.equals(words.end())) {
                return Optional.of("[/]");
            }
            // "si pas" before "si": the longer prefix first
            for (String[] condition : new String[][] {{words.unless(), "=="}, {words.when(), "!="}}) {
                if (lower.startsWith(condition[0] + " ") && fields.containsKey(lower.substring(condition[0].length() + 1))) {
                    return Optional.of("[# th:if=\"${" + fields.get(lower.substring(condition[0].length() + 1)) + " " + condition[1] + " ''}\"]");
                }
            }
        }
        return Optional.ofNullable(fields.get(lower)).map(field -> "[(${" + field + "})]");
    }
}
