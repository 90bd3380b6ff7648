package org.permanence.bench;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
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

    private static final DateTimeFormatter ENGINE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    /** The demo clients' lines: the calls are spread over the three of them. */
    private static final List<String> LINES = List.of("+33 1 45 67 89 10", "+33 4 78 12 34 56", "+33 5 56 98 76 54");

    private final int calls = Integer.getInteger("bench.calls", 600);
    private final int warmUp = Integer.getInteger("bench.warmup", 50);
    private final double rate = Double.parseDouble(System.getProperty("bench.rate", "10"));

    @Test
    void webhookToHandleCallTask() throws Exception {
        Map<String, Object> settings = TestOffice.nodeProperties(TestOffice.newDataDir());
        settings.put("permanence.telephony.aircall.token", WebhookLoad.TOKEN);
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
                    WebhookLoad.percentile(latencies, 50), WebhookLoad.percentile(latencies, 95), WebhookLoad.percentile(latencies, 99));
        }
    }

    /** Waits until every call of the batch has its Handle call task; answers call id → task creation time. */
    private static Map<String, Long> awaitTasks(JarNode node, String batch, int count) throws Exception {
        Map<String, Long> created = new HashMap<>();
        WebhookLoad.tasks(node, batch, count, Duration.ofMinutes(5)).forEach((call, task) -> created.put(call,
                OffsetDateTime.parse(task.get("created").asText(), ENGINE_TIME).toInstant().toEpochMilli()));
        return created;
    }

    private Map<String, Long> send(JarNode node, String batch, int count) throws Exception {
        return WebhookLoad.ring(node, batch, count, rate, i -> LINES.get(i % LINES.size()));
    }
}
