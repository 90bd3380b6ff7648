package org.permanence.notifications;

import org.permanence.clients.Client;
import org.permanence.clients.ClientRepository;
import org.permanence.mail.ClientMail;
import org.springframework.stereotype.Service;

/**
 * Tells a client about a call by e-mail as soon as it is handled: a message to its usual address,
 * an urgent call to its urgent contact. Each goes once per call, however often the step is retried.
 */
@Service
public class ClientNotifications {

    private final ClientRepository clients;
    private final MailTexts texts;
    private final Notifications notifications;

    ClientNotifications(ClientRepository clients, MailTexts texts, Notifications notifications) {
        this.clients = clients;
        this.texts = texts;
        this.notifications = notifications;
    }

    /** The message, now, to the client's address (contact rules: email). */
    public void tellNow(CallMessage message) {
        Client client = clientOf(message);
        send(client, message, "notify-client", client.contactRules().email(), texts.message(client, message));
    }

    /** The urgent call, now, to the client's urgent contact (contact rules: urgentEmail). */
    public void tellUrgently(CallMessage message) {
        Client client = clientOf(message);
        send(client, message, "notify-urgent-contact", client.contactRules().urgentEmail(), texts.urgent(client, message));
    }

    private void send(Client client, CallMessage message, String action, String to, MailTexts.Wording wording) {
        notifications.sendOnce(message.callId() + ":" + action, new ClientMail(client.id(), to, wording.subject(), wording.text()));
    }

    private Client clientOf(CallMessage message) {
        return clients.findById(message.clientId()).orElseThrow(() -> new IllegalStateException(
                "No client '" + message.clientId() + "' for the message of call " + message.callId()));
    }
}
