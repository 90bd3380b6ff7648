package org.permanence.notifications;

import java.sql.Timestamp;
import java.time.Instant;

import org.permanence.mail.ClientMail;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code notification} table (db/migration V3). Each statement commits on its own: the row must
 * say "sending" before the mail server is called, whatever happens next.
 */
@Repository
class NotificationRepository {

    private static final String SENDING = "SENDING";
    private static final String SENT = "SENT";

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the row as sending unless it exists: a retry finds the row of its first attempt. */
    void open(String key, ClientMail mail, String messageId, Instant now) {
        try {
            jdbc.sql("""
                    insert into notification (idempotency_key, client_id, recipient, subject, message_id, status, attempts,
                      created_at, updated_at) values (?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                    .params(key, mail.clientId(), mail.to(), mail.subject(), messageId, SENDING, Timestamp.from(now),
                            Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException alreadyOpen) {
            // a retry, or another worker on the same key: the row tells below whether the mail went
        }
    }

    /** Counts an attempt if the mail has not gone yet; answers false when it has. */
    boolean startAttempt(String key, ClientMail mail, Instant now) {
        return jdbc.sql("""
                update notification set attempts = attempts + 1, recipient = ?, subject = ?, updated_at = ?
                where idempotency_key = ? and status = ?""")
                .params(mail.to(), mail.subject(), Timestamp.from(now), key, SENDING)
                .update() == 1;
    }

    void markSent(String key, Instant now) {
        jdbc.sql("update notification set status = ?, sent_at = ?, updated_at = ? where idempotency_key = ?")
                .params(SENT, Timestamp.from(now), Timestamp.from(now), key)
                .update();
    }
}
