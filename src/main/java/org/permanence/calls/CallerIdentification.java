package org.permanence.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.permanence.clients.Client;
import org.permanence.clients.ClientRepository;
import org.permanence.telephony.PhoneNumbers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Whose line rang, and what the secretary must know before she answers: the client's briefing card,
 * and the deadlines its contact rules set for this call. A number that is no client's line still
 * lands, for the managers to sort out.
 */
@Service
public class CallerIdentification {

    private final ClientRepository clients;
    private final Clock clock;

    @Autowired
    CallerIdentification(ClientRepository clients) {
        this(clients, Clock.systemUTC());
    }

    CallerIdentification(ClientRepository clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    public Map<String, Object> identify(String dialledNumber, String callerNumber) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("callerNumber", PhoneNumbers.e164(callerNumber).orElse(callerNumber));
        Optional<Client> client = PhoneNumbers.e164(dialledNumber).flatMap(clients::clientOfLine).flatMap(clients::findById);
        card.put("lineKnown", client.isPresent());
        // the task list names the client of each call; an unknown line is named by its number
        card.put("clientName", "Ligne inconnue " + PhoneNumbers.e164(dialledNumber).orElse(dialledNumber));
        client.ifPresent(found -> {
            card.put("clientId", found.id());
            card.put("clientName", found.name());
            card.put("briefingGreeting", found.briefing().greeting());
            card.put("briefingUrgentWhen", found.briefing().urgentWhen());
            card.put("briefingPutThrough", found.briefing().putThrough());
            card.putAll(deadlines(found.contactRules()));
        });
        return card;
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
