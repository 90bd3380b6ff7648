package org.permanence.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.permanence.AircallEvents;
import org.permanence.JarNode;
import org.permanence.TestOffice;

/**
 * Not a test: a benchmark. Claire has Tasklist open in a real Chromium on the all-in-one jar; Aircall
 * {@code call.created} webhooks for her doctor arrive at a steady rate, and the page itself notes when each
 * call's task first shows in her list (a MutationObserver on the list, on the same machine's clock as the
 * sender). Tasklist's own 10-second refresh is turned off in the page: the figures are the push's alone.
 * Last line: {@code screen_pop_p50_ms=… screen_pop_p95_ms=…}; {@code -Dbench.calls}, {@code -Dbench.rate} change the load.
 */
class ScreenPopBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "bench-aircall-token";
    private static final String DOCTOR_LINE = "+33 1 45 67 89 10";
    /** Notes the first moment each task shows in her list; stops Tasklist's own periodic refresh. */
    private static final String RECORDER = """
            window.permanenceSeen = {};
            const note = () => document.querySelectorAll('ol.tasks-list li.task h4.task a').forEach((link) => {
              const id = link.getAttribute('href').split('task=')[1];
              if (!(id in window.permanenceSeen)) { window.permanenceSeen[id] = Date.now(); }
            });
            note();
            new MutationObserver(note).observe(document.body, {childList: true, subtree: true});
            const root = window.angular.element(document.body).injector().get('$rootScope');
            const broadcast = root.$broadcast;
            root.$broadcast = function (name) { return name === 'refresh' ? undefined : broadcast.apply(this, arguments); };""";

    @RegisterExtension
    static final HeadlessChromium browser = HeadlessChromium.inAFrenchOffice();

    private final int calls = Integer.getInteger("bench.calls", 300);
    private final int warmUp = Integer.getInteger("bench.warmup", 20);
    private final double rate = Double.parseDouble(System.getProperty("bench.rate", "10"));

    @Test
    void webhookToTaskInHerOpenTasklist() throws Exception {
        Map<String, Object> settings = TestOffice.nodeProperties(TestOffice.newDataDir());
        settings.put("permanence.telephony.aircall.token", TOKEN);
        try (JarNode node = JarNode.start("bench-screen-pop", settings, Duration.ofMinutes(5))) {
            Tasklist tasklist = new Tasklist(browser, node.baseUrl() + "/camunda/app/tasklist/default/");
            tasklist.signIn("claire", TestOffice.DEMO_PASSWORD);
            browser.waitUntil("the call alerts to listen",
                    driver -> "listening".equals(script("return document.documentElement.dataset.screenPop")));
            script(RECORDER);

            measure(node, "warmup", warmUp);
            List<Long> latencies = measure(node, "bench", calls);
            System.out.printf(Locale.ROOT, "offered rate: %.1f calls/s over %d calls on one client's line (%d warm-up calls before)%n",
                    rate, calls, warmUp);
            System.out.printf(Locale.ROOT, "calls=%d seen=%d p99_ms=%d max_ms=%d%n", calls, latencies.size(),
                    percentile(latencies, 99), latencies.get(latencies.size() - 1));
            System.out.printf(Locale.ROOT, "screen_pop_p50_ms=%d screen_pop_p95_ms=%d%n", percentile(latencies, 50), percentile(latencies, 95));
        }
    }

    /** Rings {@code count} calls and answers, sorted, how long each took to show in her list. */
    private List<Long> measure(JarNode node, String batch, int count) throws Exception {
        Map<String, Long> sentAt = send(node, batch, count);
        Map<String, String> callOfTask = tasksOf(node, batch, count);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, Long> seen;
        do {
            seen = seen();
        } while (!seen.keySet().containsAll(callOfTask.keySet()) && System.nanoTime() < deadline && pause());
        List<Long> latencies = new ArrayList<>();
        for (Map.Entry<String, String> task : callOfTask.entrySet()) {
            if (seen.containsKey(task.getKey())) {
                latencies.add(seen.get(task.getKey()) - sentAt.get(task.getValue()));
            }
        }
        assertThat(latencies).as("calls of " + batch + " seen in her list").hasSize(count);
        Collections.sort(latencies);
        return latencies;
    }

    private Map<String, Long> send(JarNode node, String batch, int count) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(4);
        long periodMicros = (long) (1_000_000 / rate);
        for (int i = 0; i < count; i++) {
            String callId = batch + "-" + i;
            int caller = i;
            clock.schedule(() -> {
                sentAt.put(callId, System.currentTimeMillis());
                if (TestOffice.call("POST", node.baseUrl() + "/webhooks/aircall", null, null,
                        AircallEvents.callCreated(TOKEN, callId, DOCTOR_LINE, AircallEvents.mobile(caller))).statusCode() >= 300) {
                    refused.incrementAndGet();
                }
            }, i * periodMicros, TimeUnit.MICROSECONDS);
        }
        clock.shutdown();
        assertThat(clock.awaitTermination((long) (count / rate) + 60, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.get()).as("webhooks refused").isZero();
        return sentAt;
    }

    /** Task id → call id, once every call of the batch has its Traiter l'appel task. */
    private static Map<String, String> tasksOf(JarNode node, String batch, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode tasks = get(node, "/engine-rest/task?taskDefinitionKey=HandleCall&processInstanceBusinessKeyLike=aircall:"
                    + batch + "-%25&maxResults=" + (count + 10));
            if (tasks.size() >= count) {
                JsonNode instances = get(node, "/engine-rest/process-instance?businessKeyLike=aircall:" + batch
                        + "-%25&maxResults=" + (count + 10));
                Map<String, String> callOfInstance = new HashMap<>();
                instances.forEach(instance -> callOfInstance.put(instance.get("id").asText(),
                        instance.get("businessKey").asText().substring("aircall:".length())));
                Map<String, String> callOfTask = new HashMap<>();
                tasks.forEach(task -> callOfTask.put(task.get("id").asText(), callOfInstance.get(task.get("processInstanceId").asText())));
                return callOfTask;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Not every " + batch + " call reached Traiter l'appel within 2 minutes");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> seen() {
        Map<String, Long> seen = new HashMap<>();
        ((Map<String, Object>) script("return window.permanenceSeen")).forEach((task, at) -> seen.put(task, ((Number) at).longValue()));
        return seen;
    }

    private static boolean pause() {
        try {
            Thread.sleep(200);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Object script(String code) {
        return ((JavascriptExecutor) browser.driver()).executeScript(code);
    }

    private static JsonNode get(JarNode node, String path) throws Exception {
        return JSON.readTree(TestOffice.call("GET", node.baseUrl() + path, "nadia", TestOffice.DEMO_PASSWORD, null).body());
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
