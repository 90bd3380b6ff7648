package org.permanence.dashboard;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Past work written straight into the tables the dashboard reads, in batches: calls, appointments,
 * filed documents and finished tasks (the engine's history table, as the engine writes it). For the dashboard's tests a few
 * rows; for its benchmark a year of an office.
 */
public final class OfficeHistory {

    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final List<Object[]> calls = new ArrayList<>();
    private final List<Object[]> appointments = new ArrayList<>();
    private final List<Object[]> tasks = new ArrayList<>();
    private final List<Object[]> documents = new ArrayList<>();

    public OfficeHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public OfficeHistory call(String clientId, String dialledNumber, Instant receivedAt) {
        calls.add(new Object[] {UUID.randomUUID().toString(), clientId, dialledNumber, Timestamp.from(receivedAt)});
        return flushIfFull();
    }

    public OfficeHistory appointment(String clientId, Instant start, String status) {
        OffsetDateTime from = start.atOffset(ZoneOffset.UTC);
        OffsetDateTime to = from.plusMinutes(30);
        appointments.add(new Object[] {UUID.randomUUID().toString(), clientId, from, to, from, to, status, from.minusDays(3), from});
        return flushIfFull();
    }

    /** A task of this client that a secretary finished, on time or not. */
    public OfficeHistory finishedTask(String clientId, String taskType, String assignee, Instant started, Instant due, Instant ended) {
        tasks.add(new Object[] {UUID.randomUUID().toString(), taskType, assignee, Timestamp.from(started),
                Timestamp.from(ended), Duration.between(started, ended).toMillis(), Timestamp.from(due), clientId});
        return flushIfFull();
    }

    /** A document of this client filed at that time, by the classifier ({@code "model"}) or by the secretary named. */
    public OfficeHistory filedDocument(String clientId, Instant filedAt, String classifiedBy) {
        String id = UUID.randomUUID().toString();
        Timestamp received = Timestamp.from(filedAt.minusSeconds(120));
        documents.add(new Object[] {id, clientId, id.replace("-", ""), "facture-" + id.substring(0, 8) + ".pdf", classifiedBy,
                received, Timestamp.from(filedAt)});
        return flushIfFull();
    }

    public OfficeHistory flush() {
        batch("insert into call (id, client_id, dialled_number, status, received_at) values (?, ?, ?, 'ENDED', ?)", calls);
        batch("""
                insert into appointment (id, client_id, type_code, starts_at, ends_at, occupied_from, occupied_until, caller_name,
                                         status, sequence, created_at, updated_at)
                values (?, ?, 'consultation', ?, ?, ?, ?, 'Patient', ?, 0, ?, ?)""", appointments);
        batch("""
                insert into ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, NAME_, ASSIGNEE_, START_TIME_, END_TIME_, DURATION_,
                                             DELETE_REASON_, PRIORITY_, DUE_DATE_, TENANT_ID_)
                values (?, ?, 'call-intake', 'Traiter l''appel', ?, ?, ?, ?, 'completed', 50, ?, ?)""", tasks);
        batch("""
                insert into document (id, client_id, content_hash, original_name, size_bytes, source, received_by, status,
                                      category, confidence, classified_by, received_at, filed_at)
                values (?, ?, ?, ?, 48213, 'upload', 'claire', 'FILED', 'invoice', 0.9100, ?, ?, ?)""", documents);
        return this;
    }

    private OfficeHistory flushIfFull() {
        if (calls.size() + appointments.size() + tasks.size() + documents.size() >= BATCH) {
            flush();
        }
        return this;
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
            rows.clear();
        }
    }
}
