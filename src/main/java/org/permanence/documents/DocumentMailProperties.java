package org.permanence.documents;

import java.time.Duration;

import org.permanence.mail.Mailbox;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The clients' document mailboxes: each client has its own, {@code mailbox} with {@code {client}}
 * replaced by the client's id (e.g. {@code documents-plomberie-leroy@permanence.local}), on the IMAP
 * server at {@code host}:{@code port}, read every {@code pollEvery} when {@code enabled}. A mail over
 * {@code maxBytes} is not taken apart: it goes whole to a secretary.
 */
@ConfigurationProperties("permanence.documents.mail")
public record DocumentMailProperties(boolean enabled, String host, int port, String mailbox, String password, String folder,
                                     Duration pollEvery, int maxBytes) {

    static final String CLIENT = "{client}";

    public DocumentMailProperties {
        if (mailbox == null || !mailbox.contains(CLIENT)) {
            throw new IllegalArgumentException("permanence.documents.mail.mailbox must name each client's mailbox with "
                    + CLIENT + ", e.g. documents-{client}@permanence.local, not " + mailbox);
        }
    }

    /** The address clients send their documents to, and the account it is read with. */
    public String addressOf(String clientId) {
        return mailbox.replace(CLIENT, clientId);
    }

    Mailbox of(String clientId) {
        return new Mailbox(host, port, addressOf(clientId), password, folder);
    }
}
