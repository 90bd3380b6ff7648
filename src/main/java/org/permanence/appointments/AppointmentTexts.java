package org.permanence.appointments;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.permanence.clients.Client;
import org.permanence.mail.TextTemplates;
import org.permanence.system.FrenchArticles;
import org.permanence.system.SpokenDates;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The words of the appointment mails, in the client's language (callers are written to in the
 * client's name), from text templates in resources templates/appointments/ (see the README there).
 */
@Component
class AppointmentTexts {

    /** A mail's subject (the template's first line) and text. */
    record Wording(String subject, String text) {
    }

    private final SpringTemplateEngine templates = TextTemplates.in("templates/appointments/");

    /** The start as a person reads it in the client's language, on the client's clocks: "lundi 7 décembre 2026 à 9 h 00". */
    static String when(Client client, Appointment appointment) {
        return when(client, appointment, client.language());
    }

    /** The same in another language (fr or en): the caller's pages speak the caller's. */
    static String when(Client client, Appointment appointment, String language) {
        return when(client, appointment.start(), language);
    }

    /** Any moment (the time an appointment moved from) read the same way, on the client's clocks. */
    static String when(Client client, Instant moment, String language) {
        return SpokenDates.at(moment.atZone(ZoneId.of(client.timeZone())).toLocalDateTime(), language);
    }

    Wording write(String template, Client client, Appointment appointment, String typeName, Map<String, Object> more) {
        return write(template, client, appointment, null, typeName, more);
    }

    /**
     * The same for an appointment that just moved from {@code movedFrom} (null when it did not): the
     * templates then say it moved, from the old time to the new one, rather than booked again.
     */
    Wording write(String template, Client client, Appointment appointment, Instant movedFrom, String typeName, Map<String, Object> more) {
        Map<String, Object> variables = new HashMap<>(more);
        variables.put("movedFrom", movedFrom == null ? null : when(client, movedFrom, client.language()));
        variables.put("clientName", client.name());
        // French sentences name the client with its article: "avec le Cabinet…", "Le secrétariat du Cabinet…"
        variables.put("theClient", client.theName());
        variables.put("ofTheClient", FrenchArticles.of(client.theName()));
        variables.put("callerName", appointment.caller().name().strip().replaceAll("\\s+", " "));
        variables.put("callerNumber", appointment.caller().number());
        variables.put("callerEmail", appointment.caller().email());
        variables.put("typeName", typeName);
        variables.put("when", when(client, appointment));
        String rendered = templates.process(client.language() + "/" + template,
                new Context(Locale.forLanguageTag(client.language()), variables)).strip();
        String[] subjectAndText = rendered.split("\n", 2);
        return new Wording(subjectAndText[0].strip(), subjectAndText[1].strip() + "\n");
    }
}
