package org.permanence.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.permanence.AircallEvents;
import org.permanence.JarNode;
import org.permanence.TestOffice;

/**
 * Not a test: a benchmark. Posts Aircall {@code call.created} webhooks at a steady rate to the
 * all-in-one jar on its embedded defaults and prints how long each call took from the webhook to
 * its <em>Handle call</em> task being ready in Tasklist (the task's creation time in the engine), and
 * the calls per second sustained. Run it with the command in the README; {@code -Dbench.calls} and
 * {@code -Dbench.rate} change the load.
 */
class CallIntakeBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ENGINE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final String TOKEN = "bench-aircall-token";
    /** The demo clients' lines: the calls are spread over the three of them. */
    private static final List<String> LINES = List.of("+33 1 45 67 89 10", "+33 4 78 12 34 56", "+33 5 56 98 76 54");

    private final int calls = Integer.getInteger("bench.calls", 600);
    private final int warmUp = Integer.getInteger("bench.warmup", 50);
    private final double rate = Double.parseDouble(System.getProperty("bench.rate", "10"));

    @Test
    void webhookToHandleCallTask() throws Exception {
        Map<String, Object> settings = TestOffice.nodeProperties(TestOffice.newDataDir());
        settings.put("permanence.telephony.aircall.token", TOKEN);
        try (JarNode node = JarNode.start("bench-call-intake", settings)) {
            send(node, "warmup", warmUp);
            awaitTasks(node, "warmup", warmUp);

            Map<String, Long> sentAt = send(node, "bench", calls);
            List<Long> latencies = new ArrayList<>();
            long lastTaskCreated = 0;
            for (Map.Entry<String, Long> task : awaitTasks(node, "bench", calls).entrySet()) {
                latencies.add(task.getValue() - sentAt.get(task.getKey()));
                lastTaskCreated = Math.max(lastTaskCreated, task.getValue());
            }
            long firstSent = Collections.min(sentAt.values());
            Collections.sort(latencies);
            double sustained = calls * 1000.0 / Math.max(1, lastTaskCreated - firstSent);
            System.out.printf("offered rate: %.1f calls/s over %d calls (%d warm-up calls before)%n", rate, calls, warmUp);
            System.out.printf(Locale.ROOT, "calls=%d calls_per_s=%.1f p50_ms=%d p95_ms=%d p99_ms=%d%n", calls, sustained,
                    percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99));
        }
    }

    /** Posts {@code count} calls at the offered rate; answers each call id with the moment it was sent. */
    private Map<String, Long> send(JarNode node, String batch, int count) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(8);
        long periodMicros = (long) (1_000_000 / rate);
        for (int i = 0; i < count; i++) {
            String callId = batch + "-" + i;
            String line = LINES.get(i % LINES.size());
            clock.schedule(() -> {
                sentAt.put(callId, System.currentTimeMillis());
                HttpResponse<String> answer = TestOffice.call("POST", node.baseUrl() + "/webhooks/aircall", null, null,
                        AircallEvents.callCreated(TOKEN, callId, line, AircallEvents.mobile(callId.hashCode() & 63)));
                if (answer.statusCode() >= 300) {
                    refused.incrementAndGet();
                }
            }, i * periodMicros, TimeUnit.MICROSECONDS);
        }
        clock.shutdown();
        assertThat(clock.awaitTermination((long) (count / rate) + 60, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.get()).as("webhooks refused").isZero();
        return sentAt;
    }

    /** Waits until every call of the batch has its Handle call task; answers call id → task creation time. */
    private static Map<String, Long> awaitTasks(JarNode node, String batch, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode tasks = get(node, "/engine-rest/task?taskDefinitionKey=HandleCall&processInstanceBusinessKeyLike=aircall:"
                    + batch + "-%25&maxResults=" + (count + 10));
            if (tasks.size() >= count) {
                JsonNode instances = get(node, "/engine-rest/process-instance?businessKeyLike=aircall:" + batch
                        + "-%25&maxResults=" + (count + 10));
                Map<String, String> callOfInstance = new HashMap<>();
                instances.forEach(instance -> callOfInstance.put(instance.get("id").asText(),
                        instance.get("businessKey").asText().substring("aircall:".length())));
                Map<String, Long> created = new HashMap<>();
                tasks.forEach(task -> created.put(callOfInstance.get(task.get("processInstanceId").asText()),
                        OffsetDateTime.parse(task.get("created").asText(), ENGINE_TIME).toInstant().toEpochMilli()));
                return created;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Not every " + batch + " call reached Handle call within 5 minutes");
    }

    private static JsonNode get(JarNode node, String path) throws Exception {
        return JSON.readTree(TestOffice.call("GET", node.baseUrl() + path, "nadia", TestOffice.DEMO_PASSWORD, null).body());
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
