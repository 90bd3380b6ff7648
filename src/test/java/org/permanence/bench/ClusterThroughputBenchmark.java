package org.permanence.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.camunda.bpm.client.ExternalTaskClient;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.permanence.AircallEvents;
import org.permanence.JarNode;
import org.permanence.TestOffice;
import org.permanence.cluster.Cluster;
import org.permanence.cluster.EngineNodes;
import org.permanence.cluster.ScratchDatabase;
import org.permanence.cluster.Secretaries;

/**
 * Not a test: a benchmark, on PostgreSQL. For 1 and then 2 engine nodes (each with as many worker
 * nodes), rings {@code bench.calls} calls through the Aircall webhook at {@code bench.rate} a second
 * and lets the demo office's secretaries record them (category message: the client is mailed at
 * once), then does the same with {@code bare-intake.bpmn}, call-intake's shape with no-op workers in
 * this process and none of our code. Prints, side by side: calls a second sustained end to end (first
 * ring to last process completed) and the webhook-to-task latency (the <em>Traiter l'appel</em> task's
 * creation time in the engine), and our path's ratio to the bare one.
 * {@code mvn -B -Pbench,postgres verify -Dit.test=ClusterThroughputBenchmark -Dbench.calls=600 -Dbench.rate=100}
 */
class ClusterThroughputBenchmark {

    private static final List<String> LINES = List.of("+33 4 78 12 34 56", "+33 5 56 98 76 54");
    private static final List<String> BARE_TOPICS = List.of("bare-identify", "bare-record", "bare-notify");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int calls = Integer.getInteger("bench.calls", 600);
    private final int warmUp = Integer.getInteger("bench.warmup", 50);
    private final double rate = Double.parseDouble(System.getProperty("bench.rate", "100"));
    private final int desks = Integer.getInteger("bench.secretary-desks", 8);
    private final List<Integer> engineCounts = List.of(System.getProperty("bench.engines", "1,2").split(",")).stream()
            .map(String::trim).map(Integer::valueOf).toList();
    private final String nodeJvmOptions = System.getProperty("bench.node-jvm-options", "-Xmx512m");
    private final String run = "b" + UUID.randomUUID().toString().substring(0, 6);

    @Test
    void oursAndBareWithOneAndTwoEngineNodes() throws Exception {
        Assumptions.assumeTrue(ScratchDatabase.buildDatabaseUrl() != null, "on PostgreSQL: mvn -Pbench,postgres verify");
        List<String> table = new ArrayList<>();
        List<String> ratios = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        // the nodes as production runs them (full JIT), not as the tests start them for a quick start-up
        System.setProperty(JarNode.JVM_OPTIONS_PROPERTY, nodeJvmOptions);
        for (int engines : engineCounts) {
            try (ScratchDatabase database = ScratchDatabase.create("permanence_bench");
                 Cluster cluster = Cluster.start(database, engines, engines)) {
                deployBareIntake(cluster.engineNodes());
                List<ExternalTaskClient> noOpWorkers = noOpWorkers(cluster, engines);
                try {
                    measure(database, cluster, engines, "warmup-ours", warmUp, this::ring);
                    measure(database, cluster, engines, "warmup-bare", warmUp, this::startBare);
                    Figures ours = measure(database, cluster, engines, "ours", calls, this::ring);
                    Figures bare = measure(database, cluster, engines, "bare", calls, this::startBare);
                    rows.add(engines + " ours " + rowsACall(database, "aircall:" + run + "-ours-", calls));
                    rows.add(engines + " bare " + rowsACall(database, "bare:" + run + "-bare-", calls));
                    table.add(ours.row(engines, "ours"));
                    table.add(bare.row(engines, "bare"));
                    double callsRatio = bare.callsPerSecond() / ours.callsPerSecond();
                    double cpuRatio = ours.nodeCpuMs() / Math.max(1, bare.nodeCpuMs());
                    // the compiler works for minutes after start whatever the load: charged by time, not by call
                    double cpuRatioWithoutJit = (ours.nodeCpuMs() - ours.compilerCpuMs()) / Math.max(1, bare.nodeCpuMs() - bare.compilerCpuMs());
                    table.add(String.format(Locale.ROOT, "%-8d %-5s %6s %10.2fx %7s %6.2fx %11.2fx  (how much slower ours is: bare calls/s over ours, our p95 and node CPU over bare)",
                            engines, "ratio", "", callsRatio, "", (double) ours.p95() / Math.max(1, bare.p95()), cpuRatio));
                    ratios.add(String.format(Locale.ROOT, "ratio_calls_per_s=%.2f ratio_node_cpu=%.2f ratio_node_cpu_without_jit=%.2f engines=%d",
                            callsRatio, cpuRatio, cpuRatioWithoutJit, engines));
                } finally {
                    noOpWorkers.forEach(ExternalTaskClient::stop);
                }
            }
        }
        System.out.printf(Locale.ROOT, "offered %.0f calls/s, %d calls per path (after %d warm-up calls), %d cores, nodes' JVM: %s%n", rate,
                calls, warmUp, Runtime.getRuntime().availableProcessors(), nodeJvmOptions);
        System.out.println("engines  path   calls  calls_per_s  p50_ms  p95_ms  node_cpu_ms  harness_cpu_ms  of_which_worker  of_which_jit"
                + "  (CPU a call: all nodes / this test process / of the nodes', the worker nodes / of the nodes', their JIT compiler threads)");
        table.forEach(System.out::println);
        System.out.println("engines path  history rows a call, by table (what the engine wrote for the call and keeps after it ended)");
        rows.forEach(System.out::println);
        // issue 21's figures (target: both at most 1.3), for the first engine count asked for (one node by default)
        System.out.println(ratios.get(0));
    }

    private interface Caller {
        HttpResponse<String> call(EngineNodes nodes, String callId, String line);
    }

    /** Rings {@code count} calls at the rate, lets the secretaries record them, and reads the figures from the engine's history. */
    private Figures measure(ScratchDatabase database, Cluster cluster, int engineCount, String batch, int count, Caller caller) throws Exception {
        String prefix = run + "-" + batch + "-";
        String businessKeys = (batch.endsWith("bare") ? "bare:" : "aircall:") + prefix;
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        long[] cpuBefore = cpuMillis(cluster, engineCount);
        try (Secretaries office = new Secretaries(cluster.engineNodes(), businessKeys, callId -> "message", desks)) {
            ExecutorService sender = Executors.newFixedThreadPool(16);
            long periodNanos = (long) (1_000_000_000 / rate);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                String callId = prefix + i;
                String line = LINES.get(i % LINES.size());
                Thread.sleep(Math.max(0, (start + i * periodNanos - System.nanoTime()) / 1_000_000));
                sender.execute(() -> {
                    sentAt.put(callId, System.currentTimeMillis());
                    HttpResponse<String> answer = caller.call(cluster.engineNodes(), callId, line);
                    assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 299);
                });
            }
            sender.shutdown();
            assertThat(sender.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
            Figures figures = awaitCompleted(database, businessKeys, count, sentAt);
            long[] cpuAfter = cpuMillis(cluster, engineCount);
            return figures.withCpu((double) (cpuAfter[0] - cpuBefore[0]) / count, (double) (cpuAfter[1] - cpuBefore[1]) / count,
                    (double) (cpuAfter[2] - cpuBefore[2]) / count, (double) (cpuAfter[3] - cpuBefore[3]) / count);
        }
    }

    private HttpResponse<String> ring(EngineNodes nodes, String callId, String line) {
        String event = AircallEvents.callCreated(TestOffice.AIRCALL_TOKEN, callId, line, AircallEvents.mobile(callId.hashCode() & 0xffff));
        return nodes.send(base -> TestOffice.post(base + "/webhooks/aircall", "application/json", event));
    }

    private HttpResponse<String> startBare(EngineNodes nodes, String callId, String line) {
        String start = "{\"businessKey\": \"bare:" + callId + "\", \"variables\": {\"dialledNumber\": {\"value\": \"" + line
                + "\"}, \"providerCallId\": {\"value\": \"" + callId + "\"}}}";
        return nodes.send(base -> TestOffice.call("POST", base + "/engine-rest/process-definition/key/bare-intake/start", "nadia",
                TestOffice.DEMO_PASSWORD, start));
    }

    private static Figures awaitCompleted(ScratchDatabase database, String businessKeys, int count, Map<String, Long> sentAt)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        String sql = "select p.business_key_, extract(epoch from t.start_time_) * 1000, extract(epoch from p.end_time_) * 1000"
                + " from act_hi_procinst p join act_hi_taskinst t on t.proc_inst_id_ = p.id_ and t.task_def_key_ = 'HandleCall'"
                + " where p.business_key_ like ? and p.state_ = 'COMPLETED'";
        while (System.nanoTime() < deadline) {
            try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
                query.setString(1, businessKeys + "%");
                List<Long> latencies = new ArrayList<>();
                long lastCompleted = 0;
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String callId = rows.getString(1).substring(rows.getString(1).indexOf(':') + 1);
                        latencies.add(rows.getLong(2) - sentAt.get(callId));
                        lastCompleted = Math.max(lastCompleted, rows.getLong(3));
                    }
                }
                if (latencies.size() >= count) {
                    Collections.sort(latencies);
                    long firstSent = Collections.min(sentAt.values());
                    return new Figures(count, count * 1000.0 / Math.max(1, lastCompleted - firstSent),
                            percentile(latencies, 50), percentile(latencies, 95), 0, 0, 0, 0);
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Not every call of " + businessKeys + " completed within 10 minutes");
    }

    /** The engine's history tables that say which call a row is of, each with that column. */
    private static final Map<String, String> HISTORY_TABLES = new LinkedHashMap<>();

    static {
        HISTORY_TABLES.put("act_hi_actinst", "proc_inst_id_");
        HISTORY_TABLES.put("act_hi_taskinst", "proc_inst_id_");
        HISTORY_TABLES.put("act_hi_varinst", "proc_inst_id_");
        HISTORY_TABLES.put("act_hi_detail", "proc_inst_id_");
        HISTORY_TABLES.put("act_hi_op_log", "proc_inst_id_");
        HISTORY_TABLES.put("act_hi_decinst", "proc_inst_id_");
        HISTORY_TABLES.put("act_hi_ext_task_log", "proc_inst_id_");
        HISTORY_TABLES.put("act_ge_bytearray", "root_proc_inst_id_");
    }

    /** How many rows of each history table a call of this batch left, on average: what the history level costs. */
    private static String rowsACall(ScratchDatabase database, String businessKeys, int count) throws Exception {
        StringBuilder line = new StringBuilder();
        double total = 0;
        try (Connection connection = database.connect()) {
            for (Map.Entry<String, String> table : HISTORY_TABLES.entrySet()) {
                try (PreparedStatement query = connection.prepareStatement("select count(*) from " + table.getKey() + " r join act_hi_procinst p on r."
                        + table.getValue() + " = p.id_ where p.business_key_ like ?")) {
                    query.setString(1, businessKeys + "%");
                    try (ResultSet result = query.executeQuery()) {
                        result.next();
                        double perCall = (double) result.getLong(1) / count;
                        total += perCall;
                        line.append(String.format(Locale.ROOT, "%s=%.1f ", table.getKey().substring(table.getKey().indexOf('_') + 1), perCall));
                    }
                }
            }
        }
        return line.append(String.format(Locale.ROOT, "total=%.1f", total)).toString();
    }

    /**
     * CPU milliseconds used so far by the engine and worker nodes together, by this process (the ringing, the
     * secretaries, the no-op workers, the load balancer), by the worker nodes alone, and by the nodes' JIT compiler
     * threads: what a call costs, which the other work on a shared machine hardly changes, where calls a second are
     * what the run's share of the cores gave.
     */
    private static long[] cpuMillis(Cluster cluster, int nodesOfEachKind) {
        long engines = 0;
        long workers = 0;
        long compilers = 0;
        for (int i = 1; i <= nodesOfEachKind; i++) {
            engines += cluster.engine(i).cpuTime().toMillis();
            workers += cluster.worker(i).cpuTime().toMillis();
            compilers += cluster.engine(i).compilerCpuTime().toMillis() + cluster.worker(i).compilerCpuTime().toMillis();
        }
        long harness = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
        return new long[] {engines + workers, harness, workers, compilers};
    }

    private record Figures(int calls, double callsPerSecond, long p50, long p95, double nodeCpuMs, double harnessCpuMs, double workerCpuMs,
                           double compilerCpuMs) {
        Figures withCpu(double nodeCpuMsPerCall, double harnessCpuMsPerCall, double workerCpuMsPerCall, double compilerCpuMsPerCall) {
            return new Figures(calls, callsPerSecond, p50, p95, nodeCpuMsPerCall, harnessCpuMsPerCall, workerCpuMsPerCall, compilerCpuMsPerCall);
        }

        String row(int engines, String path) {
            return String.format(Locale.ROOT, "%-8d %-5s %6d %11.1f %7d %7d %12.0f %15.0f %14.0f %12.0f", engines, path, calls, callsPerSecond, p50, p95,
                    nodeCpuMs, harnessCpuMs, workerCpuMs, compilerCpuMs);
        }
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static void deployBareIntake(EngineNodes nodes) throws IOException, InterruptedException {
        byte[] model;
        try (InputStream in = ClusterThroughputBenchmark.class.getResourceAsStream("/bench/bare-intake.bpmn")) {
            model = in.readAllBytes();
        }
        String boundary = "bench" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbench\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"bare-intake.bpmn\"; filename=\"bare-intake.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        byte[] body = concat(head.getBytes(StandardCharsets.UTF_8), model, ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> deployed = nodes.send(base -> {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/engine-rest/deployment/create"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Authorization", basic("nadia", TestOffice.DEMO_PASSWORD))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    }

    /** As many no-op worker clients as worker nodes, each working at as many desks as a worker node: they only complete. */
    private static List<ExternalTaskClient> noOpWorkers(Cluster cluster, int count) {
        IntFunction<ExternalTaskClient> client = i -> {
            ThreadPoolExecutor desks = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                    new ThreadPoolExecutor.CallerRunsPolicy());
            ExternalTaskClient worker = ExternalTaskClient.create().baseUrl(cluster.balancedRestUrl()).workerId("bare-" + i)
                    .asyncResponseTimeout(5000).disableBackoffStrategy().maxTasks(10).lockDuration(60000)
                    .addInterceptor(request -> request.addHeader("Authorization", basic("permanence-worker", TestOffice.WORKER_PASSWORD)))
                    .build();
            BARE_TOPICS.forEach(topic -> worker.subscribe(topic)
                    .handler((task, service) -> desks.execute(() -> service.complete(task))).open());
            return worker;
        };
        List<ExternalTaskClient> workers = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            workers.add(client.apply(i));
        }
        return workers;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
