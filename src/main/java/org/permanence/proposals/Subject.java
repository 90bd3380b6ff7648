package org.permanence.proposals;

import java.util.function.BiFunction;
import java.util.function.Function;

import org.permanence.clients.Client;
import org.permanence.clients.Client.Briefing;
import org.permanence.clients.Client.ContactRules;

/**
 * What of a client's settings a secretary may propose to change: the briefing card she reads as the phone rings
 * (greeting, urgent criteria, who may be put through, notes) and the contact rules' deadlines. Each reads its value
 * from the settings as text and writes a new one into a copy; the limits are those of {@link Client} itself.
 */
public enum Subject {

    GREETING(4, 1000, client -> client.briefing().greeting(),
            (client, value) -> withBriefing(client, new Briefing(value, client.briefing().urgentWhen(), client.briefing().putThrough(),
                    client.briefing().notes()))),
    URGENT_WHEN(4, 2000, client -> client.briefing().urgentWhen(),
            (client, value) -> withBriefing(client, new Briefing(client.briefing().greeting(), value, client.briefing().putThrough(),
                    client.briefing().notes()))),
    PUT_THROUGH(4, 2000, client -> client.briefing().putThrough(),
            (client, value) -> withBriefing(client, new Briefing(client.briefing().greeting(), client.briefing().urgentWhen(), value,
                    client.briefing().notes()))),
    /** The card's notes may be emptied: an empty proposal removes them. */
    NOTES(0, 4000, client -> client.briefing().notes() == null ? "" : client.briefing().notes(),
            (client, value) -> withBriefing(client, new Briefing(client.briefing().greeting(), client.briefing().urgentWhen(),
                    client.briefing().putThrough(), value.isEmpty() ? null : value))),
    /** Minutes, 5 to 10080 (a week), as the client's settings allow. */
    CALL_BACK_WITHIN(5, 10080, client -> String.valueOf(client.contactRules().callBackWithinMinutes()),
            (client, value) -> withContactRules(client, Integer.parseInt(value), client.contactRules().urgentConfirmWithinMinutes())),
    /** Minutes, 1 to 1440 (a day). */
    URGENT_CONFIRM_WITHIN(1, 1440, client -> String.valueOf(client.contactRules().urgentConfirmWithinMinutes()),
            (client, value) -> withContactRules(client, client.contactRules().callBackWithinMinutes(), Integer.parseInt(value)));

    /** For a text: its shortest useful length (a greeting of fewer than 4 letters is no greeting); for minutes: the least. */
    private final int least;
    /** For a text: its longest length; for minutes: the most. */
    private final int most;
    private final Function<Client, String> read;
    private final BiFunction<Client, String, Client> write;

    Subject(int least, int most, Function<Client, String> read, BiFunction<Client, String, Client> write) {
        this.least = least;
        this.most = most;
        this.read = read;
        this.write = write;
    }

    public boolean inMinutes() {
        return this == CALL_BACK_WITHIN || this == URGENT_CONFIRM_WITHIN;
    }

    int least() {
        return least;
    }

    int most() {
        return most;
    }

    /** The value as the client's settings hold it now, as text ("" for notes not written). */
    public String valueIn(Client client) {
        return read.apply(client);
    }

    /** The settings with this value instead; the value has passed {@link ProposalRules}. */
    Client with(Client client, String value) {
        return write.apply(client, value);
    }

    private static Client withBriefing(Client client, Briefing briefing) {
        return new Client(client.id(), client.name(), client.language(), client.timeZone(), client.phoneLines(), client.openingHours(),
                client.appointmentTypes(), briefing, client.contactRules(), client.documentCategories(), client.classificationThreshold(),
                client.nameInSentence());
    }

    private static Client withContactRules(Client client, int callBackWithin, int urgentConfirmWithin) {
        ContactRules rules = client.contactRules();
        return new Client(client.id(), client.name(), client.language(), client.timeZone(), client.phoneLines(), client.openingHours(),
                client.appointmentTypes(), client.briefing(), new ContactRules(rules.email(), rules.urgentEmail(), rules.messages(),
                        rules.dailySummaryAt(), callBackWithin, urgentConfirmWithin, rules.notifyDocumentCategories()),
                client.documentCategories(), client.classificationThreshold(), client.nameInSentence());
    }
}
