package org.permanence.drafting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.permanence.clients.Client;
import org.permanence.system.FrenchArticles;

/**
 * What the office knows of the case a mail answers, as the templates name it: {@code caller.name},
 * {@code call.reason}, {@code appointment.at}… Each fact is text as the secretary typed it or the
 * process recorded it; a fact nobody knows is empty, never an error.
 */
public record CaseFacts(String callerName, String callerEmail, String callerNumber, String callReason, String callNotes,
                        String appointmentType, String appointmentAt, String documentName, String reference) {

    /**
     * Every field a template may name; the {@code client.*} ones and {@code today} come from the client
     * and the clock. {@code client.the} and {@code client.of} carry the French article a sentence needs
     * ("avec le Cabinet du Dr Martin", "Le secrétariat du Cabinet du Dr Martin").
     */
    public static final List<String> FIELDS = List.of("client.name", "client.the", "client.of", "today", "reference", "caller.name", "caller.email",
            "caller.number", "call.reason", "call.notes", "appointment.type", "appointment.at", "document.name");

    /** The facts of a process instance, from its variables of the same names ({@code callerName}, {@code reason}…). */
    public static CaseFacts of(Map<String, ?> variables) {
        return new CaseFacts(text(variables, "callerName"), text(variables, "callerEmail"), text(variables, "callerNumber"),
                text(variables, "reason"), text(variables, "notes"), text(variables, "appointmentType"),
                text(variables, "appointmentAt"), text(variables, "documentName"), text(variables, "reference"));
    }

    /** Facts with every field filled, to try a template on before it is saved. */
    static CaseFacts sample() {
        return new CaseFacts("Jeanne Dupont", "jeanne.dupont@example.fr", "+33 6 12 34 56 78", "Demande de rendez-vous",
                "Rappeler avant midi", "Consultation", "mardi 1 décembre 2026, 10:00", "ordonnance.pdf", "MAIL-2026-0001");
    }

    /** The template variables, one map per group, so that {@code caller.name} reads like the field list. */
    Map<String, Object> variables(Client client, String today) {
        Map<String, Object> variables = new LinkedHashMap<>();
        boolean french = "fr".equals(client.language());
        variables.put("client", group("name", client.name(), "the", french ? client.theName() : client.name(),
                // a client still being onboarded may have no name yet: its templates are tried all the same
                "of", client.theName() == null ? null : french ? FrenchArticles.of(client.theName()) : "of " + client.name()));
        variables.put("today", today);
        variables.put("reference", orEmpty(reference));
        variables.put("caller", group("name", callerName, "email", callerEmail, "number", callerNumber));
        variables.put("call", group("reason", callReason, "notes", callNotes));
        variables.put("appointment", group("type", appointmentType, "at", appointmentAt));
        variables.put("document", group("name", documentName));
        return variables;
    }

    private static Map<String, String> group(String... namesAndValues) {
        Map<String, String> group = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            group.put(namesAndValues[i], orEmpty(namesAndValues[i + 1]));
        }
        return group;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String text(Map<String, ?> variables, String name) {
        Object value = variables.get(name);
        return value == null ? null : value.toString();
    }
}
