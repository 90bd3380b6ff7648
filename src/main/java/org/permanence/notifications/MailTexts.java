package org.permanence.notifications;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.permanence.clients.Client;
import org.permanence.clients.PhoneNumbers;
import org.permanence.mail.TextTemplates;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The words of every mail that tells a client about its calls, in the client's language and time
 * zone. They live in text templates (resources templates/notifications/, see the README there), so
 * the wording changes without touching code.
 */
@Component
public class MailTexts {

    /** Long enough to read the reason on a phone's lock screen; the whole reason is in the text. */
    private static final int SUBJECT_LENGTH = 120;

    /** A mail's subject and text. */
    public record Wording(String subject, String text) {
    }

    private final SpringTemplateEngine templates = TextTemplates.in("templates/notifications/");

    /** A message the client gets at once. */
    public Wording message(Client client, CallMessage message) {
        return mail(client, "message", withCall(client, message));
    }

    /** An urgent call, for the client's urgent contact. */
    public Wording urgent(Client client, CallMessage message) {
        return mail(client, "urgent", withCall(client, message));
    }

    /** One call as the client reads it, on its own: an entry of the daily summary. */
    public String call(Client client, CallMessage message) {
        // the template keeps one line per detail; a detail left out leaves an empty line, dropped here
        return render(client, "call", callVariables(client, message)).replaceAll("\n(\\s*\n)+", "\n").strip();
    }

    /** The daily summary of {@code day}, listing these calls (each rendered by {@link #call}). */
    public Wording dailySummary(Client client, LocalDate day, List<String> calls) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("clientName", client.name());
        // "pour le Cabinet du Dr Martin": French sentences name the client with its article
        variables.put("theClient", client.theName());
        variables.put("day", day);
        variables.put("calls", calls);
        return mail(client, "daily-summary", variables);
    }

    private Map<String, Object> withCall(Client client, CallMessage message) {
        Map<String, Object> variables = callVariables(client, message);
        variables.put("call", call(client, message));
        return variables;
    }

    private static Map<String, Object> callVariables(Client client, CallMessage message) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("clientName", client.name());
        // "pour le Cabinet du Dr Martin": French sentences name the client with its article
        variables.put("theClient", client.theName());
        // name and reason go into the subject, which is one line
        variables.put("callerName", oneLine(message.callerName()));
        variables.put("number", PhoneNumbers.readable(message.callerNumber()));
        variables.put("reason", oneLine(message.reason()));
        variables.put("mood", message.mood());
        variables.put("notes", message.notes() == null || message.notes().isBlank() ? null
                : message.notes().strip().replace("\r\n", "\n"));
        variables.put("receivedAt", message.receivedAt().atZone(ZoneId.of(client.timeZone())));
        return variables;
    }

    /** The first line of a mail template is the subject, the rest the text. */
    private Wording mail(Client client, String template, Map<String, Object> variables) {
        String rendered = render(client, template, variables).strip();
        int endOfSubject = rendered.indexOf('\n');
        String subject = rendered.substring(0, endOfSubject).strip();
        if (subject.length() > SUBJECT_LENGTH) {
            subject = subject.substring(0, SUBJECT_LENGTH - 1).strip() + "…";
        }
        String text = rendered.substring(endOfSubject + 1).replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
        return new Wording(subject, text + "\n");
    }

    private String render(Client client, String template, Map<String, Object> variables) {
        return templates.process(client.language() + "/" + template, new Context(Locale.forLanguageTag(client.language()), variables));
    }

    private static String oneLine(String text) {
        return text == null || text.isBlank() ? null : text.strip().replaceAll("\\s+", " ");
    }
}
