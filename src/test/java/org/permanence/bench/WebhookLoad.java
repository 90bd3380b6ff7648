package org.permanence.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.permanence.AircallEvents;
import org.permanence.JarNode;
import org.permanence.TestOffice;

/**
 * The load the call benchmarks share: Aircall {@code call.created} webhooks posted at a steady rate to a
 * jar node, and the <em>Traiter l'appel</em> tasks they became, read back through the engine's REST API.
 * Callers repeat over 64 numbers, as a practice's regulars do.
 */
public final class WebhookLoad {

    /** The Aircall token the benchmarks' nodes are given ({@code permanence.telephony.aircall.token}). */
    public static final String TOKEN = "bench-aircall-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookLoad() {
    }

    /** Posts {@code count} calls at {@code rate} a second, the i-th on {@code lineOf(i)}; answers each call id with when it was sent. */
    public static Map<String, Long> ring(JarNode node, String batch, int count, double rate, IntFunction<String> lineOf) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(8);
        long periodMicros = (long) (1_000_000 / rate);
        for (int i = 0; i < count; i++) {
            String callId = batch + "-" + i;
            String line = lineOf.apply(i);
            int caller = i & 63;
            clock.schedule(() -> {
                sentAt.put(callId, System.currentTimeMillis());
                if (TestOffice.call("POST", node.baseUrl() + "/webhooks/aircall", null, null,
                        AircallEvents.callCreated(TOKEN, callId, line, AircallEvents.mobile(caller))).statusCode() >= 300) {
                    refused.incrementAndGet();
                }
            }, i * periodMicros, TimeUnit.MICROSECONDS);
        }
        clock.shutdown();
        assertThat(clock.awaitTermination((long) (count / rate) + 60, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.get()).as("webhooks refused").isZero();
        return sentAt;
    }

    /** Waits until every call of the batch has its Traiter l'appel task; answers call id → that task as the REST API gives it. */
    public static Map<String, JsonNode> tasks(JarNode node, String batch, int count, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode tasks = get(node, "/engine-rest/task?taskDefinitionKey=HandleCall&processInstanceBusinessKeyLike=aircall:"
                    + batch + "-%25&maxResults=" + (count + 10));
            if (tasks.size() >= count) {
                JsonNode instances = get(node, "/engine-rest/process-instance?businessKeyLike=aircall:" + batch
                        + "-%25&maxResults=" + (count + 10));
                Map<String, String> callOfInstance = new HashMap<>();
                instances.forEach(instance -> callOfInstance.put(instance.get("id").asText(),
                        instance.get("businessKey").asText().substring("aircall:".length())));
                Map<String, JsonNode> taskOfCall = new HashMap<>();
                tasks.forEach(task -> taskOfCall.put(callOfInstance.get(task.get("processInstanceId").asText()), task));
                return taskOfCall;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Not every " + batch + " call reached Traiter l'appel within " + patience);
    }

    /** The value at {@code percent} of a sorted list (nearest rank). */
    public static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static JsonNode get(JarNode node, String path) throws Exception {
        return JSON.readTree(TestOffice.call("GET", node.baseUrl() + path, "nadia", TestOffice.DEMO_PASSWORD, null).body());
    }
}
