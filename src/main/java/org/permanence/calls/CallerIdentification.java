package org.permanence.calls;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.permanence.clients.Client;
import org.permanence.clients.ClientRepository;
import org.permanence.telephony.PhoneNumbers;
import org.springframework.stereotype.Service;

/**
 * Whose line rang, and what the secretary must know before she answers: the client's briefing card.
 * A number that is no client's line still lands, for the managers to sort out.
 */
@Service
public class CallerIdentification {

    private final ClientRepository clients;

    CallerIdentification(ClientRepository clients) {
        this.clients = clients;
    }

    public Map<String, Object> identify(String dialledNumber, String callerNumber) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("callerNumber", PhoneNumbers.e164(callerNumber).orElse(callerNumber));
        Optional<Client> client = PhoneNumbers.e164(dialledNumber).flatMap(clients::clientOfLine).flatMap(clients::findById);
        card.put("lineKnown", client.isPresent());
        client.ifPresent(found -> {
            card.put("clientId", found.id());
            card.put("clientName", found.name());
            card.put("briefingGreeting", found.briefing().greeting());
            card.put("briefingUrgentWhen", found.briefing().urgentWhen());
            card.put("briefingPutThrough", found.briefing().putThrough());
        });
        return card;
    }
}
