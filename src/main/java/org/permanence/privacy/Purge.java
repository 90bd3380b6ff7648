package org.permanence.privacy;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.permanence.privacy.engine.Forgetting;
import org.permanence.mail.MailFolder;
import org.permanence.mail.StoredMail;
import org.permanence.storage.ObjectStorage;
import org.permanence.system.BackgroundThreads;
import org.permanence.system.EngineNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Removes what is past its time, every {@code permanence.privacy.purge-every}: for each client and kind,
 * the rows older than the client's retention and everything that goes with them (stored objects, the OCR
 * cache, what the client's document classifier learnt from its documents, the embedded mail server's messages,
 * the engine's history of their cases), and the access log's entries past its own retention. A record whose case still runs waits for it to end. What was removed is
 * counted in {@code purge_run}, never described.
 * <p>
 * One node at a time: the node that takes the turn in {@code purge_turn} (a conditional update, the same on
 * H2 and PostgreSQL) holds it for the length of a round; a node that died holding it loses it when the lease
 * runs out. Removal is idempotent anyway: two rounds at once would only count twice.
 */
@Component
@EngineNode
public class Purge implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Purge.class);
    private static final String REASON = "Durée de conservation écoulée";

    private final JdbcClient jdbc;
    private final Retention retention;
    private final AccessLog accessLog;
    private final Forgetting forgetting;
    private final ObjectStorage objects;
    private final ObjectProvider<MailFolder> mailFolder;
    private final PrivacyProperties properties;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID();
    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(BackgroundThreads.named("privacy-purge"));

    @Autowired
    Purge(JdbcClient jdbc, Retention retention, AccessLog accessLog, Forgetting forgetting, ObjectStorage objects,
          ObjectProvider<MailFolder> mailFolder, PrivacyProperties properties) {
        this(jdbc, retention, accessLog, forgetting, objects, mailFolder, properties, Clock.systemUTC());
    }

    Purge(JdbcClient jdbc, Retention retention, AccessLog accessLog, Forgetting forgetting, ObjectStorage objects,
          ObjectProvider<MailFolder> mailFolder, PrivacyProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.accessLog = accessLog;
        this.forgetting = forgetting;
        this.objects = objects;
        this.mailFolder = mailFolder;
        this.properties = properties;
        this.clock = clock;
    }

    /** What one round removed for one client (none: the office's records of no client) and kind. */
    public record Removed(String clientId, String kind, int rows, int objects, int files, int cases) {
        boolean any() {
            return rows + objects + files + cases > 0;
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (properties.purge()) {
            long every = properties.purgeEvery().toMillis();
            rounds.scheduleWithFixedDelay(this::roundQuietly, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void roundQuietly() {
        try {
            if (takeTurn()) {
                try {
                    run(clock);
                } finally {
                    giveTurnBack();
                }
            }
        } catch (RuntimeException e) {
            // the database or the object store is down: what is due stays due, removed at the next round
            log.warn("The purge round failed; it runs again in {}: {}", properties.purgeEvery(), e.toString());
        }
    }

    boolean takeTurn() {
        Instant now = Instant.now();
        return jdbc.sql("update purge_turn set holder = ?, lease_until = ? where id = 1 and (lease_until < ? or holder = ?)")
                .params(node, Timestamp.from(now.plus(properties.purgeEvery())), Timestamp.from(now), node).update() == 1;
    }

    void giveTurnBack() {
        jdbc.sql("update purge_turn set holder = null, lease_until = ? where id = 1 and holder = ?")
                .params(Timestamp.from(Instant.now()), node).update();
    }

    /** One round as if it were {@code clock}'s now: what each client's retention makes due then is removed. */
    public List<Removed> run(Clock clock) {
        Instant now = clock.instant();
        List<Removed> removed = new ArrayList<>();
        for (String clientId : jdbc.sql("select id from client order by id").query(String.class).list()) {
            Map<RecordKind, Integer> days = retention.of(clientId);
            removed.add(calls(clientId, before(now, days.get(RecordKind.CALLS))));
            removed.add(appointments(clientId, before(now, days.get(RecordKind.APPOINTMENTS))));
            removed.add(mails(clientId, before(now, days.get(RecordKind.MAILS))));
            removed.add(documents(clientId, before(now, days.get(RecordKind.DOCUMENTS))));
        }
        // mails of no client (a sender no client has, a message without the client's mark) follow the office's days
        removed.add(mails(null, before(now, properties.retentionDays().get(RecordKind.MAILS))));
        removed.add(new Removed(null, "ACCESS_LOG", accessLog.forgetBefore(before(now, properties.accessLogDays())), 0, 0, 0));
        List<Removed> done = removed.stream().filter(Removed::any).toList();
        done.forEach(this::record);
        if (!done.isEmpty()) {
            log.info("Purge: {}", done);
        }
        return done;
    }

    private Removed calls(String clientId, Instant before) {
        List<Map<String, Object>> due = jdbc.sql("select id, process_instance_id from call where client_id = ? and received_at < ?")
                .params(clientId, Timestamp.from(before)).query().listOfRows();
        Set<String> cases = caseIds(due);
        Set<String> running = forgetting.running(cases);
        int rows = 0;
        for (Map<String, Object> call : due) {
            String caseId = (String) value(call, "process_instance_id");
            if (caseId == null || !running.contains(caseId)) {
                rows += jdbc.sql("delete from call where id = ?").param(value(call, "id")).update();
            }
        }
        List<String> messageCases = jdbc.sql("select process_instance_id from summary_message where client_id = ? and received_at < ?")
                .params(clientId, Timestamp.from(before)).query(String.class).list();
        rows += jdbc.sql("delete from summary_message where client_id = ? and received_at < ?").params(clientId, Timestamp.from(before)).update();
        rows += jdbc.sql("delete from notification where client_id = ? and created_at < ?").params(clientId, Timestamp.from(before)).update();
        cases.addAll(messageCases);
        cases.removeAll(running);
        return new Removed(clientId, RecordKind.CALLS.name(), rows, 0, 0, forgetting.cases(cases, REASON).forgotten());
    }

    private Removed appointments(String clientId, Instant before) {
        List<Map<String, Object>> due = jdbc.sql("select id, process_instance_id from appointment where client_id = ? and ends_at < ?")
                .params(clientId, Timestamp.from(before)).query().listOfRows();
        Set<String> cases = caseIds(due);
        Set<String> running = forgetting.running(cases);
        int rows = 0;
        for (Map<String, Object> appointment : due) {
            if (!running.contains((String) value(appointment, "process_instance_id"))) {
                rows += jdbc.sql("delete from appointment where id = ?").param(value(appointment, "id")).update();
            }
        }
        cases.removeAll(running);
        return new Removed(clientId, RecordKind.APPOINTMENTS.name(), rows, 0, 0, forgetting.cases(cases, REASON).forgotten());
    }

    private Removed mails(String clientId, Instant before) {
        Timestamp at = Timestamp.from(before);
        String ofClient = clientId == null ? "client_id is null" : "client_id = ?";
        Object[] params = clientId == null ? new Object[] {at} : new Object[] {clientId, at};
        Set<String> keys = new HashSet<>();
        Set<String> cases = new HashSet<>();
        int rows = 0;
        if (clientId != null) {
            jdbc.sql("select case_id, eml_key, letter_key from archived_mail where client_id = ? and archived_at < ?").params(clientId, at)
                    .query().listOfRows().forEach(row -> {
                        cases.add((String) value(row, "case_id"));
                        keys.add((String) value(row, "eml_key"));
                        if (value(row, "letter_key") != null) {
                            keys.add((String) value(row, "letter_key"));
                        }
                    });
            rows += jdbc.sql("delete from archived_mail where client_id = ? and archived_at < ?").params(clientId, at).update();
            rows += jdbc.sql("delete from document_mail where client_id = ? and received_at < ?").params(clientId, at).update();
        }
        List<Map<String, Object>> received = jdbc.sql("select message_id, process_instance_id from incoming_mail where " + ofClient
                + " and received_at < ?").params(params).query().listOfRows();
        Set<String> receivedCases = caseIds(received);
        Set<String> running = forgetting.running(receivedCases);
        for (Map<String, Object> mail : received) {
            // the claim of a mail whose case still runs stays: the mailbox reader would take the mail again otherwise
            if (!running.contains((String) value(mail, "process_instance_id"))) {
                rows += jdbc.sql("delete from incoming_mail where message_id = ?").param(value(mail, "message_id")).update();
            }
        }
        receivedCases.removeAll(running);
        cases.addAll(receivedCases);
        jdbc.sql("select object_key from automatic_mail where " + ofClient + " and received_at < ?").params(params)
                .query(String.class).list().forEach(keys::add);
        rows += jdbc.sql("delete from automatic_mail where " + ofClient + " and received_at < ?").params(params).update();
        // what was kept of mails in storage: sent and archived, received, a document mailbox's .eml
        List<String> folders = clientId == null ? List.of("incoming/unmatched/")
                : List.of("clients/" + clientId + "/outbox/", "clients/" + clientId + "/incoming/", "clients/" + clientId + "/archive/",
                        "documents/" + clientId + "/mails/");
        folders.forEach(folder -> objects.list(folder).stream().filter(object -> object.lastModified().isBefore(before))
                .forEach(object -> keys.add(object.key())));
        int removedObjects = forgetting.objects(keys);
        MailFolder folder = mailFolder.getIfAvailable();
        List<StoredMail> oldMails = folder == null ? List.of() : folder.all().stream()
                .filter(mail -> mail.clientId().orElse(null) == null ? clientId == null : mail.clientId().get().equals(clientId))
                .filter(mail -> mail.sentAt().isBefore(before))
                .toList();
        int files = forgetting.mails(oldMails);
        return new Removed(clientId, RecordKind.MAILS.name(), rows, removedObjects, files, forgetting.cases(cases, REASON).forgotten());
    }

    private Removed documents(String clientId, Instant before) {
        int rows = 0;
        int files = 0;
        Set<String> cases = new HashSet<>();
        for (Map<String, Object> document : jdbc.sql("select * from document where client_id = ? and received_at < ?")
                .params(clientId, Timestamp.from(before)).query().listOfRows()) {
            Map<String, Object> row = new java.util.HashMap<>();
            document.forEach((column, value) -> row.put(column.toLowerCase(java.util.Locale.ROOT), value));
            List<String> documentCases = forgetting.casesOfDocument((String) row.get("id"));
            if (!forgetting.running(documentCases).isEmpty()) {
                continue;
            }
            cases.addAll(documentCases);
            files += forgetting.document(row);
            rows++;
        }
        // also when an erasure or an earlier round removed documents and then failed to retrain: it is tried again
        if (rows > 0 || forgetting.documentsStillLearnt(clientId)) {
            forgetting.documentsUnlearnt(clientId);
        }
        return new Removed(clientId, RecordKind.DOCUMENTS.name(), rows, files, 0, forgetting.cases(cases, REASON).forgotten());
    }

    private void record(Removed removed) {
        jdbc.sql("""
                        insert into purge_run (id, ran_at, client_id, kind, removed_rows, removed_objects, removed_files, removed_cases)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID().toString(), Timestamp.from(Instant.now()), removed.clientId(), removed.kind(), removed.rows(),
                        removed.objects(), removed.files(), removed.cases())
                .update();
    }

    /** The client's last purges, newest first, as its page shows them. */
    public List<Removed> lastOf(String clientId, int limit) {
        return jdbc.sql("select * from purge_run where client_id = ? order by ran_at desc, id limit ?").params(clientId, limit)
                .query((rs, row) -> new Removed(rs.getString("client_id"), rs.getString("kind"), rs.getInt("removed_rows"),
                        rs.getInt("removed_objects"), rs.getInt("removed_files"), rs.getInt("removed_cases")))
                .list();
    }

    private static Instant before(Instant now, int days) {
        return now.minus(Duration.ofDays(days));
    }

    private static Set<String> caseIds(List<Map<String, Object>> rows) {
        Set<String> ids = new HashSet<>();
        rows.forEach(row -> {
            Object id = value(row, "process_instance_id");
            if (id != null) {
                ids.add((String) id);
            }
        });
        return ids;
    }

    /** A column's value whatever case the database gives column names in. */
    private static Object value(Map<String, Object> row, String column) {
        return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public void destroy() {
        rounds.shutdownNow();
    }
}
