package org.permanence.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.permanence.appointments.AppointmentBook;
import org.permanence.appointments.AppointmentRequests;
import org.permanence.clients.Client;
import org.permanence.clients.ClientAbsence;
import org.permanence.clients.ClientAbsences;
import org.permanence.clients.ClientRepository;
import org.permanence.clients.PhoneNumbers;
import org.permanence.system.PlainText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Whose line rang, and what the secretary must know before she answers: the client's briefing card,
 * the client's availability (an absence set in the portal, with where urgent calls go meanwhile),
 * the caller's last calls and missed appointments (no-shows), and the deadlines the client's contact rules set for this call. A number that is no client's line still
 * lands, for the managers to sort out.
 */
@Service
public class CallerIdentification {

    /** How many earlier calls the briefing card shows. */
    static final int HISTORY = 3;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final ClientRepository clients;
    private final CallRecords calls;
    private final AppointmentBook appointments;
    private final ClientAbsences absences;
    private final MessageSource texts;
    private final Clock clock;

    @Autowired
    CallerIdentification(ClientRepository clients, CallRecords calls, AppointmentBook appointments, ClientAbsences absences,
                         MessageSource texts) {
        this(clients, calls, appointments, absences, texts, Clock.systemUTC());
    }

    CallerIdentification(ClientRepository clients, CallRecords calls, AppointmentBook appointments, ClientAbsences absences,
                         MessageSource texts, Clock clock) {
        this.clients = clients;
        this.calls = calls;
        this.appointments = appointments;
        this.absences = absences;
        this.texts = texts;
        this.clock = clock;
    }

    public Map<String, Object> identify(String dialledNumber, String callerNumber) {
        Map<String, Object> card = new LinkedHashMap<>();
        // identified as the case starts: when it rang, or, for a call noted by hand, when it was noted
        card.put("rangAt", Date.from(clock.instant()));
        Optional<String> caller = PhoneNumbers.e164(callerNumber);
        card.put("callerNumber", caller.orElse(PhoneNumbers.WITHHELD));
        Optional<Client> client = PhoneNumbers.e164(dialledNumber).flatMap(clients::clientOfLine).flatMap(clients::findById);
        card.put("lineKnown", client.isPresent());
        // the task list names the client of each call; an unknown line is named by its number
        card.put("clientName", "Ligne inconnue " + PhoneNumbers.e164(dialledNumber).orElse("(numéro illisible)"));
        client.ifPresent(found -> {
            card.put("clientId", found.id());
            card.put("clientName", found.name());
            card.put("briefingGreeting", found.briefing().greeting());
            card.put("briefingUrgentWhen", found.briefing().urgentWhen());
            card.put("briefingPutThrough", found.briefing().putThrough());
            card.put("clientAvailability", availability(found));
            // picked, not typed, if the call ends in an appointment (forms/take-appointment.form)
            card.put(AppointmentRequests.TYPE_OPTIONS, AppointmentRequests.typeOptions(found));
            card.putAll(deadlines(found.contactRules()));
            if (caller.isEmpty()) {
                // every hidden caller would otherwise be one person: nothing of another's calls is shown, no name filled in
                card.put("callerHistory", "Numéro masqué : impossible de reconnaître l'appelant, demandez son nom.");
                card.put("callerNoShows", 0);
                return;
            }
            card.putAll(history(found, caller.get()));
            // a caller who missed appointments without a word may be asked to confirm the next one
            card.put("callerNoShows", appointments.noShows(found.id(), caller.get()));
        });
        return card;
    }

    /**
     * What the card says of the client's availability: reachable as usual, or its absence as its people wrote it
     * (their words, not markdown), until when, and the number urgent calls go to meanwhile. In French, as the card.
     */
    private String availability(Client client) {
        Optional<ClientAbsence> absence = absences.at(client.id(), clock.instant());
        if (absence.isEmpty()) {
            return texts.getMessage("portal.card.reachable", null, Locale.FRENCH);
        }
        ClientAbsence away = absence.get();
        String until = WHEN.format(away.endsAt().atZone(ZoneId.of(client.timeZone())));
        String said = texts.getMessage("portal.card.absent", new Object[] {until, PlainText.inMarkdown(away.message())}, Locale.FRENCH);
        return away.urgentTo() == null ? said
                : said + " " + texts.getMessage("portal.card.urgent-to", new Object[] {PhoneNumbers.readable(away.urgentTo())}, Locale.FRENCH);
    }

    /**
     * The caller's last handled calls to this client, for the card; a returning caller's name is
     * filled in for the secretary, who corrects it if someone else is on the line. What earlier
     * callers said is shown as they said it: the card is markdown, their words are not.
     */
    private Map<String, Object> history(Client client, String callerNumber) {
        List<Call> earlier = calls.lastCallsOf(client.id(), callerNumber, HISTORY + 1).stream()
                .filter(call -> call.recordedAt() != null).limit(HISTORY).toList();
        Map<String, Object> history = new LinkedHashMap<>();
        if (earlier.isEmpty()) {
            history.put("callerHistory", "Premier appel de ce numéro.");
            return history;
        }
        ZoneId zone = ZoneId.of(client.timeZone());
        history.put("callerHistory", earlier.stream()
                .map(call -> "- " + WHEN.format(call.receivedAt().atZone(zone)) + " — " + PlainText.inMarkdown(call.callerName()) + " : "
                        + PlainText.inMarkdown(call.reason()) + " (" + call.category() + ", " + call.mood() + ")")
                .collect(Collectors.joining("\n")));
        history.put("callerName", earlier.get(0).callerName());
        return history;
    }

    /** The client's rules as the process uses them: the routing table's input, task due dates, the escalation timer. */
    private Map<String, Object> deadlines(Client.ContactRules rules) {
        Instant now = clock.instant();
        Duration confirmWithin = Duration.ofMinutes(rules.urgentConfirmWithinMinutes());
        return Map.of(
                "clientMessageDelivery", rules.messages().name(),
                "urgentConfirmWithin", confirmWithin.toString(),
                "urgentConfirmDue", Date.from(now.plus(confirmWithin)),
                "callBackDue", Date.from(now.plus(Duration.ofMinutes(rules.callBackWithinMinutes()))));
    }
}
