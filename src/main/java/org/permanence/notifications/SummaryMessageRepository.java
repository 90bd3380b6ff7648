package org.permanence.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code summary_message} table (db/migration V4): messages waiting for their client's daily summary. */
@Repository
class SummaryMessageRepository {

    private final JdbcClient jdbc;

    SummaryMessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the message unless this call's message is already kept (a retried task). */
    void keep(CallMessage message) {
        try {
            jdbc.sql("""
                    insert into summary_message (process_instance_id, client_id, caller_name, caller_number, reason, category,
                      mood, notes, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(message.callId(), message.clientId(), message.callerName(), message.callerNumber(), message.reason(),
                            message.category(), message.mood(), message.notes(), Timestamp.from(message.receivedAt()))
                    .update();
        } catch (DuplicateKeyException alreadyKept) {
            // the first attempt kept it
        }
    }

    /** Puts every message of the client that no summary has taken yet into this one. */
    void takeWaiting(String clientId, String summaryId) {
        jdbc.sql("update summary_message set summary_id = ? where client_id = ? and summary_id is null")
                .params(summaryId, clientId)
                .update();
    }

    /** The messages of one summary, in the order they came. */
    List<CallMessage> of(String summaryId) {
        return jdbc.sql("""
                        select process_instance_id, client_id, caller_name, caller_number, reason, category, mood, notes, received_at
                        from summary_message where summary_id = ? order by received_at, process_instance_id""")
                .param(summaryId)
                .query((rs, n) -> new CallMessage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()))
                .list();
    }

    /** The ids of the client's summaries that went out, newest first. */
    List<String> sentOf(String clientId, int limit) {
        return jdbc.sql("""
                        select summary_id, max(summarised_at) as sent_at from summary_message
                        where client_id = ? and summarised_at is not null group by summary_id order by sent_at desc, summary_id limit ?""")
                .params(clientId, limit)
                .query((rs, n) -> rs.getString(1))
                .list();
    }

    void markSummarised(String summaryId, Instant at) {
        jdbc.sql("update summary_message set summarised_at = ? where summary_id = ? and summarised_at is null")
                .params(Timestamp.from(at), summaryId)
                .update();
    }
}
