package org.permanence.documents;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.permanence.mail.AutomaticMails;
import org.permanence.mail.IncomingMail;
import org.permanence.storage.ObjectStorage;
import org.permanence.system.EngineNode;
import org.permanence.system.InvalidRequest;
import org.permanence.system.PlainText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Mails arriving in a client's document mailbox: the mail is kept whole first, then each attachment
 * goes through the {@link DocumentIntake} like an upload (a file sent before is linked, not worked
 * twice). A mail that cannot be taken apart, is too large or carries no attachment goes whole to a
 * secretary as a document set aside with the reason; so does an attachment the intake refuses.
 *
 * <p>A mail is taken once per client: table {@code document_mail} records it, by Message-ID, after
 * its documents are in. A crash in between leaves the mail unrecorded and it is read again; the
 * attachments already taken are then recognised by their content and linked as copies, never filed twice.
 *
 * <p>A mail a robot sent (see {@link org.permanence.mail.AutomaticMail}) is kept and listed with the
 * automatic mails, and nobody is asked to look at it, when it answers a mail (an out-of-office reply,
 * a bounce) or brings no document; a scanner's or an invoicing system's automatic mail with
 * attachments is what the mailbox is for: its documents are taken in as usual.
 */
@Service
@EngineNode
public class DocumentMails {

    private static final Logger log = LoggerFactory.getLogger(DocumentMails.class);

    private final JdbcClient jdbc;
    private final ObjectStorage objects;
    private final DocumentIntake intake;
    private final AutomaticMails automatic;
    private final DocumentMailProperties settings;

    DocumentMails(JdbcClient jdbc, ObjectStorage objects, DocumentIntake intake, AutomaticMails automatic,
                  DocumentMailProperties settings) {
        this.jdbc = jdbc;
        this.objects = objects;
        this.intake = intake;
        this.automatic = automatic;
        this.settings = settings;
    }

    /** Takes the mail in for the client, unless it was taken before; answers the documents it became (none when taken before). */
    public List<DocumentIntake.Receipt> take(String clientId, IncomingMail mail) {
        if (taken(clientId, mail.messageId())) {
            return List.of();
        }
        String kept = DocumentObjects.mail(clientId, mail.key());
        objects.put(kept, mail.raw(), "message/rfc822");
        String sender = mail.from().isBlank() ? "mail" : mail.from();
        if (onlyKept(mail)) {
            automatic.keep(settings.addressOf(clientId), clientId, mail, kept);
            record(clientId, mail, sender, 0, mail.automatic().reason());
            return List.of();
        }
        String problem = problem(mail);
        List<DocumentIntake.Receipt> receipts = new ArrayList<>();
        if (problem != null) {
            receipts.add(intake.setAside(clientId, (mail.subject().isBlank() ? "mail" : mail.subject()) + ".eml", mail.raw(),
                    DocumentIntake.Source.MAIL, sender, problem));
        } else {
            for (IncomingMail.File file : mail.attachments()) {
                receipts.add(attachment(clientId, file, sender, mail));
            }
        }
        record(clientId, mail, sender, receipts.size(), problem);
        log.info("Mail {} from {} to the document mailbox of client {}: {} document(s){}", PlainText.forLog(mail.messageId()),
                PlainText.forLog(sender), clientId, receipts.size(), problem == null ? "" : ", set aside for a secretary: " + PlainText.forLog(problem));
        return receipts;
    }

    /** The mail is taken: {@code documents} documents, and why it went whole to a secretary or was only kept. */
    private void record(String clientId, IncomingMail mail, String sender, int documents, String problem) {
        // a second node that took the same mail meanwhile already recorded it: nothing more to do
        jdbc.sql("insert into document_mail (client_id, message_id, sender, documents, problem, received_at) select ?, ?, ?, ?, ?, ? "
                        + "where not exists (select 1 from document_mail where client_id = ? and message_id = ?)")
                .params(clientId, mail.messageId(), cut(sender, 320), documents, problem == null ? null : cut(problem, 1000),
                        Timestamp.from(Instant.now()), clientId, mail.messageId())
                .update();
    }

    boolean taken(String clientId, String messageId) {
        return jdbc.sql("select count(*) from document_mail where client_id = ? and message_id = ?").params(clientId, messageId)
                .query(Integer.class).single() > 0;
    }

    private DocumentIntake.Receipt attachment(String clientId, IncomingMail.File file, String sender, IncomingMail mail) {
        try {
            return intake.receive(clientId, file.name(), file.content(), DocumentIntake.Source.MAIL, sender);
        } catch (InvalidRequest refused) {
            return intake.setAside(clientId, file.name(), file.content(), DocumentIntake.Source.MAIL, sender,
                    "La pièce jointe « " + file.name() + " » du mail « " + mail.subject() + " » a été refusée : " + refused.getMessage());
        }
    }

    /** An automatic mail with no document to take in: an answer to some mail, or one that brings nothing. */
    private static boolean onlyKept(IncomingMail mail) {
        return mail.automatic() != null && (mail.automatic().answersAMail() || mail.problem() == null && mail.attachments().isEmpty());
    }

    private static String problem(IncomingMail mail) {
        if (mail.problem() != null) {
            return "Le mail « " + mail.subject() + " » de " + mail.from() + " n'a pas pu être ouvert (" + mail.problem()
                    + ") : il est joint tel quel.";
        }
        if (mail.attachments().isEmpty()) {
            return "Le mail « " + mail.subject() + " » de " + mail.from() + " n'a aucune pièce jointe : rien à classer, voir le mail.";
        }
        return null;
    }

    private static String cut(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }
}
