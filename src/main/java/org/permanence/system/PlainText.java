package org.permanence.system;

import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * What outsiders write (a caller's name, a mail's subject, a client's comment), kept as the text it
 * is wherever the office shows or logs it: never markup in a form, never a forged line in a log.
 */
public final class PlainText {

    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\u0085\\u2028\\u2029]+");
    private static final Pattern CONTROLS = Pattern.compile("\\p{Cntrl}");
    /** Every ASCII punctuation character: CommonMark lets each be escaped with a backslash, and shows it as itself. */
    private static final Pattern PUNCTUATION = Pattern.compile("[!-/:-@\\[-`{-~]");

    private PlainText() {
    }

    /**
     * The text on one log line: line breaks and other control characters written as escapes, so a
     * value cannot end the line and forge the next entry.
     */
    public static String forLog(Object value) {
        if (value == null) {
            return null;
        }
        StringBuilder safe = new StringBuilder();
        value.toString().codePoints().forEach(c -> {
            if (c == '\r') {
                safe.append("\\r");
            } else if (c == '\n') {
                safe.append("\\n");
            } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                safe.append(String.format("\\u%04x", c));
            } else {
                safe.appendCodePoint(c);
            }
        });
        return safe.toString();
    }

    /**
     * The text on one line: line breaks and other control characters become a space. For places
     * where a line break has a meaning of its own (a calendar's content lines, a header).
     */
    public static String oneLine(String value) {
        if (value == null) {
            return null;
        }
        return CONTROLS.matcher(LINE_BREAKS.matcher(value).replaceAll(" ")).replaceAll(" ").strip();
    }

    /**
     * The text as one line of markdown that shows exactly these characters: the Tasklist renders a
     * form's text views as markdown with HTML, so a subject {@code [payer ici](https://…)} would be a
     * live link, {@code <img …>} an element, a line break a new heading or list.
     */
    public static String inMarkdown(String value) {
        if (value == null) {
            return "";
        }
        return PUNCTUATION.matcher(oneLine(value)).replaceAll(match -> Matcher.quoteReplacement("\\" + match.group()));
    }

    /** Several lines of text (a mail's body) as markdown that shows these characters, each line on its own line. */
    public static String linesInMarkdown(String value) {
        if (value == null) {
            return "";
        }
        // two spaces end a markdown line without ending the paragraph
        return value.lines().map(PlainText::inMarkdown).collect(Collectors.joining("  \n"));
    }
}
