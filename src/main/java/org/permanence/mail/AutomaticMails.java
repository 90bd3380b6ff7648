package org.permanence.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The automatic mails our mailboxes received (table {@code automatic_mail}): each feature reading a
 * mailbox keeps the mail itself where it keeps its other mail, records it here instead of working on
 * it, and the "Mails" page lists them, so that a bounce or an out-of-office reply is seen, not lost.
 */
@Service
public class AutomaticMails {

    private static final Logger log = LoggerFactory.getLogger(AutomaticMails.class);

    /** One kept mail as listed; {@code clientId} is null when no single client has its sender. */
    public record Kept(String mailbox, String clientId, String sender, String subject, String reason, String objectKey,
                       Instant receivedAt) {
    }

    private final JdbcClient jdbc;

    AutomaticMails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the mail read from {@code mailbox}, kept at {@code objectKey}; once per mailbox and Message-ID. */
    public void keep(String mailbox, String clientId, IncomingMail mail, String objectKey) {
        if (mail.automatic() == null) {
            throw new IllegalArgumentException("Mail " + mail.messageId() + " was sent by a person: it is worked on, not only kept");
        }
        jdbc.sql("insert into automatic_mail (mailbox, message_id, client_id, sender, subject, reason, object_key, received_at) "
                        + "select ?, ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from automatic_mail where mailbox = ? and message_id = ?)")
                .params(mailbox, mail.messageId(), clientId, cut(mail.from(), 320), cut(mail.subject(), 500),
                        cut(mail.automatic().reason(), 200), objectKey, Timestamp.from(Instant.now()), mailbox, mail.messageId())
                .update();
        log.info("Mail {} from {} to {} is automatic ({}): kept at {}, not answered", mail.messageId(), mail.from(), mailbox,
                mail.automatic().reason(), objectKey);
    }

    /** The latest kept mails, newest first. */
    public List<Kept> latest(int count) {
        return jdbc.sql("select mailbox, client_id, sender, subject, reason, object_key, received_at from automatic_mail "
                        + "order by received_at desc, message_id limit ?")
                .param(count)
                .query((row, number) -> new Kept(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getTimestamp(7).toInstant()))
                .list();
    }

    private static String cut(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }
}
