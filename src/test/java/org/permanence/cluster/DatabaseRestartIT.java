package org.permanence.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.permanence.AircallEvents;
import org.permanence.JarNode;
import org.permanence.TestOffice;

/**
 * The database server crashes and comes back while calls ring: the node reconnects by itself, and
 * every call the webhook answered 200 is there afterwards, with its process, waiting for a secretary.
 * Calls that rang during the outage were refused (the provider delivers them again) and then taken.
 * On a PostgreSQL server of the test's own, never the shared one; run with {@code -Ppostgres}.
 */
@Tag("jar")
@Tag("database")
class DatabaseRestartIT {

    private static final int CALLS = 200;
    private static final double RATE = 10;
    private static final String LAWYER_LINE = "+33 4 78 12 34 56";

    @Test
    void everyCallAnswered200SurvivesADatabaseCrashUnderLoad() throws Exception {
        assumeTrue(ScratchDatabase.buildDatabaseUrl() != null && PrivatePostgres.binaries().isPresent(),
                "DatabaseRestartIT runs with -Ppostgres, on a private server made with the machine's PostgreSQL programs");
        try (PrivatePostgres server = PrivatePostgres.start();
             ScratchDatabase database = ScratchDatabase.create(server.serverUrl(), "postgres", "", "permanence_restart")) {
            Map<String, Object> settings = TestOffice.nodeProperties(TestOffice.newDataDir());
            settings.putAll(database.nodeSettings());
            try (JarNode node = JarNode.start("database-restart", settings)) {
                Set<String> answered200 = ConcurrentHashMap.newKeySet();
                AtomicInteger refusedDuringOutage = new AtomicInteger();
                CompletableFuture<Void> crash = CompletableFuture.runAsync(() -> {
                    try {
                        while (answered200.size() < CALLS / 3) {
                            Thread.sleep(50);
                        }
                        server.crashAndRestart(3000);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                ring(node, answered200, refusedDuringOutage);
                crash.get(1, TimeUnit.MINUTES);

                int waiting = awaitHandleCallTasks(database, CALLS, Duration.ofMinutes(2));
                int filed = count(database, "select count(*) from call where provider_call_id like 'restart-%' and process_instance_id is not null");
                int processes = count(database, "select count(*) from act_hi_procinst where business_key_ like 'aircall:restart-%'");
                System.out.printf("answered_200=%d refused_while_down=%d filed=%d processes=%d waiting_at_handle_call=%d%n",
                        answered200.size(), refusedDuringOutage.get(), filed, processes, waiting);

                assertThat(refusedDuringOutage.get()).as("deliveries refused while the database was down").isPositive();
                assertThat(answered200).hasSize(CALLS);
                assertThat(filed).as("calls filed with their process").isEqualTo(CALLS);
                assertThat(processes).as("one process per call").isEqualTo(CALLS);
                assertThat(waiting).as("calls the in-process worker moved on to Handle call").isEqualTo(CALLS);
                assertThat(TestOffice.call("GET", node.baseUrl() + "/actuator/health", null, null, null).body()).startsWith("{\"status\":\"UP\"");
            }
        }
    }

    /** Rings every call once at the rate; a delivery not answered 200 is delivered again a moment later, as Aircall does. */
    private static void ring(JarNode node, Set<String> answered200, AtomicInteger refused) throws InterruptedException {
        ExecutorService provider = Executors.newFixedThreadPool(16);
        for (int i = 0; i < CALLS; i++) {
            String callId = "restart-" + i;
            String event = AircallEvents.callCreated(TestOffice.AIRCALL_TOKEN, callId, LAWYER_LINE, AircallEvents.mobile(i));
            provider.execute(() -> {
                while (!answered200.contains(callId)) {
                    try {
                        HttpResponse<String> answer = TestOffice.post(node.baseUrl() + "/webhooks/aircall", "application/json", event);
                        if (answer.statusCode() == 200) {
                            answered200.add(callId);
                            continue;
                        }
                    } catch (RuntimeException timedOut) {
                        // no answer at all: delivered again below
                    }
                    refused.incrementAndGet();
                    pause(500);
                }
            });
            pause((long) (1000 / RATE));
        }
        provider.shutdown();
        assertThat(provider.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
    }

    private static int awaitHandleCallTasks(ScratchDatabase database, int expected, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        String sql = "select count(*) from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_"
                + " where t.task_def_key_ = 'HandleCall' and e.business_key_ like 'aircall:restart-%'";
        int waiting = count(database, sql);
        while (waiting < expected && System.nanoTime() < deadline) {
            pause(1000);
            waiting = count(database, sql);
        }
        return waiting;
    }

    private static int count(ScratchDatabase database, String sql) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
