package org.permanence.notifications;

import java.time.Instant;
import java.util.function.Consumer;

import jakarta.mail.internet.MimeMessage;

import org.permanence.mail.ClientMail;
import org.permanence.mail.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends a mail once per idempotency key, however often the step that sends it is retried: never
 * twice once the mail server took it, never lost when it did not (the failure surfaces, the caller
 * retries). A crash between the mail server and the table leaves the row "sending": the next try sends
 * again with the same Message-ID, since a possible copy is better than a lost message.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    public enum Outcome { SENT, ALREADY_SENT }

    private final NotificationRepository repository;
    private final OutgoingMail outgoing;

    Notifications(NotificationRepository repository, OutgoingMail outgoing) {
        this.repository = repository;
        this.outgoing = outgoing;
    }

    /** Sends the mail unless a mail with this key was sent; throws {@link org.permanence.mail.MailNotSent} when it cannot. */
    public Outcome sendOnce(String key, ClientMail mail) {
        return sendOnce(key, mail, message -> { });
    }

    /** The same, handing the message as it will go to {@code beforeSending} (see {@link OutgoingMail#send(ClientMail, String, Consumer)}). */
    public Outcome sendOnce(String key, ClientMail mail, Consumer<MimeMessage> beforeSending) {
        repository.open(key, mail, outgoing.messageIdFor(key), Instant.now());
        if (!repository.startAttempt(key, mail, Instant.now())) {
            log.info("Mail {} for client {} was already sent; not sending it again", key, mail.clientId());
            return Outcome.ALREADY_SENT;
        }
        outgoing.send(mail, key, beforeSending);
        repository.markSent(key, Instant.now());
        return Outcome.SENT;
    }
}
