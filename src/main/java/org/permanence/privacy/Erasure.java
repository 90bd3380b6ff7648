package org.permanence.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.permanence.privacy.engine.Forgetting;
import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Erases a caller from one client's records in one action. What must stay to keep the office's figures true
 * is anonymised: a call keeps when it rang and how it ended, an appointment its time and status (a future one
 * is cancelled and frees its slot), a received mail its claim (else the mailbox reader would take it again).
 * Everything else goes: messages, mails and their stored copies, documents with their files and texts (and what
 * the client's document classifier learnt from them), the embedded mail server's messages, and the cases —
 * running ones ended with a reason, then their history.
 * The receipt counts what was erased and says nothing of whom.
 */
@Component
@EngineNode
class Erasure {

    private static final Logger log = LoggerFactory.getLogger(Erasure.class);
    static final String REASON = "Effacement des données d'un appelant (RGPD)";
    /** What an anonymised appointment's caller is called (the column may not be empty). */
    static final String NOBODY = "—";

    private final JdbcClient jdbc;
    private final CallerRecords records;
    private final Forgetting forgetting;

    Erasure(JdbcClient jdbc, CallerRecords records, Forgetting forgetting) {
        this.jdbc = jdbc;
        this.records = records;
        this.forgetting = forgetting;
    }

    record Receipt(String id, String clientId, String erasedBy, Instant erasedAt, int calls, int messages, int appointments, int mails,
                   int documents, int storedObjects, int mailFiles, int casesEnded, int casesForgotten) {
    }

    Receipt erase(String clientId, String query, SignedInUser by) {
        Held held = records.find(clientId, query);
        // the cases first: a running one could otherwise write the caller back while her rows go
        Forgetting.Cases cases = forgetting.cases(held.cases(), REASON);
        for (Map<String, Object> call : held.calls()) {
            jdbc.sql("""
                            update call set caller_number = null, caller_name = null, reason = null, notes = null, mood = null
                            where id = ?""").param(call.get("id")).update();
        }
        held.messages().forEach(message -> jdbc.sql("delete from summary_message where process_instance_id = ?")
                .param(message.get("process_instance_id")).update());
        held.notifications().forEach(notification -> jdbc.sql("update notification set subject = '' where idempotency_key = ?")
                .param(notification.get("idempotency_key")).update());
        Timestamp now = Timestamp.from(Instant.now());
        for (Map<String, Object> appointment : held.appointments()) {
            jdbc.sql("""
                            update appointment set caller_name = ?, caller_number = null, caller_email = null,
                              status = case when status = 'BOOKED' and starts_at > ? then 'CANCELLED' else status end, updated_at = ?
                            where id = ?""").params(NOBODY, now, now, appointment.get("id")).update();
            jdbc.sql("delete from appointment_slot_lock where appointment_id = ? and unit_start > ?").params(appointment.get("id"), now).update();
        }
        held.archivedMails().forEach(mail -> jdbc.sql("delete from archived_mail where case_id = ?").param(mail.get("case_id")).update());
        for (Map<String, Object> mail : held.receivedMails()) {
            switch ((String) mail.get("table")) {
                case "incoming_mail" -> jdbc.sql("update incoming_mail set sender = '' where message_id = ?").param(mail.get("message_id")).update();
                case "automatic_mail" -> jdbc.sql("update automatic_mail set sender = '', subject = '' where mailbox = ? and message_id = ?")
                        .params(mail.get("mailbox"), mail.get("message_id")).update();
                default -> jdbc.sql("update document_mail set sender = '' where client_id = ? and message_id = ?")
                        .params(clientId, mail.get("message_id")).update();
            }
        }
        held.documents().forEach(document -> forgetting.casesOfDocument((String) document.get("id"))
                .forEach(caseId -> forgetting.cases(List.of(caseId), REASON)));
        held.documents().forEach(forgetting::document);
        if (!held.documents().isEmpty()) {
            forgetting.documentsUnlearnt(clientId);
        }
        int objects = forgetting.objects(held.objects());
        int mailFiles = forgetting.mails(held.mailStore());
        Held.Counts counts = held.counts();
        Receipt receipt = new Receipt(UUID.randomUUID().toString(), clientId, by.id(), Instant.now(), counts.calls(), counts.messages(),
                counts.appointments(), counts.mails(), counts.documents(), objects, mailFiles, cases.ended(), cases.forgotten());
        jdbc.sql("""
                        insert into erasure_receipt (id, client_id, erased_by, erased_at, calls, messages, appointments, mails, documents,
                          stored_objects, mail_files, cases_ended, cases_forgotten) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(receipt.id(), clientId, by.id(), Timestamp.from(receipt.erasedAt()), receipt.calls(), receipt.messages(),
                        receipt.appointments(), receipt.mails(), receipt.documents(), objects, mailFiles, cases.ended(), cases.forgotten())
                .update();
        // the log names the receipt, never the caller
        log.info("Erasure {} for client {} by {}: {}", receipt.id(), clientId, by.id(), counts);
        return receipt;
    }

    Optional<Receipt> receipt(String clientId, String id) {
        return jdbc.sql("select * from erasure_receipt where client_id = ? and id = ?").params(clientId, id)
                .query((rs, row) -> new Receipt(rs.getString("id"), rs.getString("client_id"), rs.getString("erased_by"),
                        rs.getTimestamp("erased_at").toInstant(), rs.getInt("calls"), rs.getInt("messages"), rs.getInt("appointments"),
                        rs.getInt("mails"), rs.getInt("documents"), rs.getInt("stored_objects"), rs.getInt("mail_files"),
                        rs.getInt("cases_ended"), rs.getInt("cases_forgotten")))
                .optional();
    }
}
