package org.permanence.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.permanence.TestOffice.DEMO_PASSWORD;
import static org.permanence.TestOffice.call;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.permanence.AircallEvents;
import org.permanence.TestOffice;

/**
 * Camunda's homogeneous cluster as docker/compose.yaml runs it, without containers: two engine nodes
 * and two worker nodes of the built jar on loopback ports, one PostgreSQL database (empty at first,
 * all four started at the same moment: {@link Cluster}). A thousand calls ring through the Aircall webhook,
 * spread over both engine nodes; the demo office's secretaries record them through the REST API;
 * some are urgent and nobody confirms them, so their escalation timers fire. In the middle of it a
 * worker node and an engine node are killed (kill -9); webhooks and secretaries go to the surviving
 * engine node, as a provider retries a delivery that failed. Both nodes come back once every call
 * has rung. Then: every call completed exactly once, every client notification mailed once,
 * no incident, every escalation timer fired. PostgreSQL only ({@code mvn verify -Ppostgres}).
 */
@Tag("jar")
@Tag("database")
class ClusterIT {

    private static final String LAWYER_LINE = "+33 4 78 12 34 56";
    private static final String PLUMBER_LINE = "+33 5 56 98 76 54";
    private static final Pattern CALL_IN_SUBJECT = Pattern.compile("Demande (\\S+)");

    private final int calls = Integer.getInteger("cluster.calls", 1000);
    private final int urgentCalls = Integer.getInteger("cluster.urgent", 30);
    private final double rate = Double.parseDouble(System.getProperty("cluster.rate", "15"));
    private final String run = "c" + UUID.randomUUID().toString().substring(0, 6);

    @Test
    void aThousandCallsThroughTwoEnginesAndTwoWorkersWithOneOfEachKilled() throws Exception {
        assumeTrue(ScratchDatabase.buildDatabaseUrl() != null,
                "ClusterIT runs on PostgreSQL only (Camunda's cluster shares one database): mvn verify -Ppostgres");
        long began = System.nanoTime();
        try (ScratchDatabase database = ScratchDatabase.create("permanence_cluster")) {
            try (Cluster cluster = Cluster.start(database, 2, 2)) {
                EngineNodes nodes = cluster.engineNodes();
                confirmUrgentCallsWithinAMinute(nodes);
                System.out.printf("cluster up after %d s%n", secondsSince(began));

                try (Secretaries office = new Secretaries(nodes, "aircall:" + run + "-", this::categoryOf, 6)) {
                    AtomicInteger answered = new AtomicInteger();
                    ExecutorService outage = Executors.newSingleThreadExecutor();
                    Future<?> engineBack = outage.submit(() -> {
                        awaitAnswered(answered, calls / 4);
                        cluster.worker(1).kill();
                        awaitAnswered(answered, calls * 2 / 5);
                        cluster.engine(2).kill();
                        System.out.printf("killed worker-1 and engine-2 (kill -9) after %d calls answered, %d s%n", answered.get(),
                                secondsSince(began));
                        awaitAnswered(answered, calls);
                        // as compose's restart policy would: both come back, and the held-up work is shared out again
                        cluster.restartEngine(2);
                        cluster.restartWorker(1);
                        return null;
                    });
                    ring(nodes, answered);
                    System.out.printf("all %d calls answered 200 after %d s (%d requests failed over to the other engine node)%n",
                            calls, secondsSince(began), nodes.failovers());
                    // both nodes start again one after the other, each with a node's whole start-up patience
                    engineBack.get(Cluster.START_PATIENCE.multipliedBy(2).toSeconds(), TimeUnit.SECONDS);
                    outage.shutdown();
                    awaitAllCompleted(database, Duration.ofMinutes(5));
                    System.out.printf("calls completed after %d s%n", secondsSince(began));
                }
                check(database, cluster.relay());
            }
        } finally {
            System.out.printf("cluster test took %d s%n", secondsSince(began));
        }
    }

    private String categoryOf(String callId) {
        return callId.contains("-u-") ? "urgent" : "message";
    }

    /** The provider rings: {@code calls} webhooks at the rate, the urgent ones first so their timers come due during the outage. */
    private void ring(EngineNodes nodes, AtomicInteger answered) throws InterruptedException {
        ExecutorService provider = Executors.newFixedThreadPool(16);
        long periodNanos = (long) (1_000_000_000 / rate);
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            boolean urgent = i < urgentCalls;
            String callId = run + (urgent ? "-u-" : "-m-") + i;
            String line = urgent || i % 2 == 0 ? PLUMBER_LINE : LAWYER_LINE;
            String event = AircallEvents.callCreated(TestOffice.AIRCALL_TOKEN, callId, line, AircallEvents.mobile(i));
            long due = start + i * periodNanos;
            Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
            provider.execute(() -> {
                HttpResponse<String> answer = nodes.send(base -> TestOffice.post(base + "/webhooks/aircall", "application/json", event));
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                answered.incrementAndGet();
            });
        }
        provider.shutdown();
        assertThat(provider.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
        assertThat(answered.get()).as("webhooks answered 200").isEqualTo(calls);
    }

    private void awaitAllCompleted(ScratchDatabase database, Duration patience) throws Exception {
        long started = System.nanoTime();
        long deadline = started + patience.toNanos();
        int completed = 0;
        int polls = 0;
        while (System.nanoTime() < deadline) {
            completed = count(database, "select count(*) from act_hi_procinst where business_key_ like 'aircall:" + run
                    + "-%' and state_ = 'COMPLETED'");
            if (completed >= calls) {
                return;
            }
            if (++polls % 15 == 0) {
                System.out.printf("%d s: %d completed; waiting at %s%n", secondsSince(started), completed, waitingAt(database));
            }
            Thread.sleep(1000);
        }
        System.out.printf("only %d of %d calls completed within %s%n", completed, calls, patience);
    }

    /** Where the calls not yet completed wait: user tasks, external tasks by topic (locked by a worker or free). */
    private String waitingAt(ScratchDatabase database) throws SQLException {
        String ours = "proc_inst_id_ in (select id_ from act_hi_procinst where business_key_ like 'aircall:" + run + "-%')";
        return strings(database, "select task_def_key_ || '=' || count(*) from act_ru_task where " + ours + " group by task_def_key_")
                + " " + strings(database, "select topic || '=' || count(*) from (select topic_name_ || case when lock_exp_time_ > now()"
                + " then '(locked)' else '' end topic from act_ru_ext_task where " + ours + ") waiting group by topic");
    }

    private void check(ScratchDatabase database, GreenMail relay) throws Exception {
        Map<String, Set<String>> messageIdsOfCall = new HashMap<>();
        int mails = 0;
        for (MimeMessage mail : relay.getReceivedMessages()) {
            Matcher call = CALL_IN_SUBJECT.matcher(mail.getSubject());
            if (call.find() && call.group(1).startsWith(run + "-")) {
                mails++;
                messageIdsOfCall.computeIfAbsent(call.group(1), id -> new HashSet<>()).add(mail.getMessageID());
            }
        }
        int duplicates = (int) messageIdsOfCall.values().stream().filter(ids -> ids.size() > 1).count();
        int lost = calls - messageIdsOfCall.size();
        int copies = mails - messageIdsOfCall.values().stream().mapToInt(Set::size).sum();
        String ours = "business_key_ like 'aircall:" + run + "-%'";
        int completed = count(database, "select count(*) from act_hi_procinst where " + ours + " and state_ = 'COMPLETED'");
        int instances = count(database, "select count(*) from act_hi_procinst where " + ours);
        int callsStartedTwice = count(database, "select count(*) from (select business_key_ from act_hi_procinst where " + ours
                + " group by business_key_ having count(*) > 1) twice");
        int filed = count(database, "select count(*) from call where provider_call_id like '" + run + "-%' and recorded_at is not null");
        int openIncidents = count(database, "select count(*) from act_ru_incident");
        int timersFired = count(database, "select count(*) from act_hi_actinst a join act_hi_procinst p on p.id_ = a.proc_inst_id_ where p."
                + ours + " and a.act_id_ = 'ConfirmationOverdue' and a.end_time_ is not null");
        int escalationsDone = count(database, "select count(*) from act_hi_actinst a join act_hi_procinst p on p.id_ = a.proc_inst_id_ where p."
                + ours + " and a.act_id_ = 'UrgentCallEscalated'");
        List<String> nodesThatRanJobs = strings(database, "select distinct hostname_ from act_hi_job_log order by 1");

        System.out.printf(Locale.ROOT, "sent=%d completed=%d mails=%d duplicates=%d lost=%d%n", calls, completed, mails, duplicates, lost);
        System.out.printf(Locale.ROOT, "process_instances=%d started_twice=%d filed=%d open_incidents=%d timers_fired=%d/%d "
                        + "escalations_done=%d same_message_id_resent=%d job_log_nodes=%s%n", instances, callsStartedTwice, filed,
                openIncidents, timersFired, urgentCalls, escalationsDone, copies, nodesThatRanJobs);

        assertThat(instances).as("one process per call").isEqualTo(calls);
        assertThat(callsStartedTwice).isZero();
        assertThat(completed).as("calls completed").isEqualTo(calls);
        assertThat(filed).as("calls recorded in the call table").isEqualTo(calls);
        assertThat(duplicates).as("calls whose client got two different mails").isZero();
        assertThat(lost).as("calls whose client got no mail").isZero();
        assertThat(openIncidents).isZero();
        assertThat(timersFired).as("escalation timers fired").isEqualTo(urgentCalls);
        assertThat(escalationsDone).isEqualTo(urgentCalls);
    }

    /** The plumber's urgent calls must be confirmed within a minute (its smallest setting), so the escalations come within the test. */
    private static void confirmUrgentCallsWithinAMinute(EngineNodes nodes) {
        String plumber = nodes.send(base -> call("GET", base + "/api/clients/plomberie-leroy", "nadia", DEMO_PASSWORD, null)).body();
        String changed = plumber.replaceFirst("\"urgentConfirmWithinMinutes\":\\d+", "\"urgentConfirmWithinMinutes\":1");
        HttpResponse<String> saved = nodes.send(base -> call("PUT", base + "/api/clients/plomberie-leroy", "nadia", DEMO_PASSWORD, changed));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    }

    private static void awaitAnswered(AtomicInteger answered, int atLeast) throws InterruptedException {
        while (answered.get() < atLeast) {
            Thread.sleep(100);
        }
    }

    private static int count(ScratchDatabase database, String sql) throws SQLException {
        return Integer.parseInt(strings(database, sql).get(0));
    }

    private static List<String> strings(ScratchDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static long secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000_000;
    }
}
