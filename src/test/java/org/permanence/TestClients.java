package org.permanence;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.permanence.clients.Client;
import org.permanence.clients.Client.Briefing;
import org.permanence.clients.Client.ContactRules;
import org.permanence.clients.Client.MessageDelivery;
import org.permanence.clients.Client.PhoneLine;

/**
 * Clients made up for one test each: an id, a phone line and mailboxes of their own, so tests on the
 * shared node neither see nor disturb each other's calls and mail.
 */
public final class TestClients {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestClients() {
    }

    /** A client with its own id ({@code <name>-<n>}), line and mailboxes ({@code <id>@example.fr}, {@code <id>.urgent@example.fr}). */
    public static Client client(String name, String language, MessageDelivery messages, LocalTime dailySummaryAt) {
        int n = NEXT.incrementAndGet();
        String id = name + "-" + n;
        return new Client(id, "Cabinet " + name + " " + n, language, "Europe/Paris",
                List.of(new PhoneLine(String.format("03 88 %02d %02d %02d", n / 10000 % 100, n / 100 % 100, n % 100), "Accueil")),
                List.of(), List.of(), new Briefing("Bonjour", "Jamais", "Personne", null),
                new ContactRules(id + "@example.fr", id + ".urgent@example.fr", messages, dailySummaryAt, 60, 15, List.of()),
                List.of(), new BigDecimal("0.8"), null);
    }

    /** The same client with other contact rules for its messages. */
    public static Client withMessages(Client client, MessageDelivery messages, LocalTime dailySummaryAt) {
        ContactRules rules = client.contactRules();
        return new Client(client.id(), client.name(), client.language(), client.timeZone(), client.phoneLines(),
                client.openingHours(), client.appointmentTypes(), client.briefing(),
                new ContactRules(rules.email(), rules.urgentEmail(), messages, dailySummaryAt, rules.callBackWithinMinutes(),
                        rules.urgentConfirmWithinMinutes(), rules.notifyDocumentCategories()),
                client.documentCategories(), client.classificationThreshold(), client.nameInSentence());
    }
}
