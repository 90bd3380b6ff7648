package org.permanence.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.permanence.JarNode;
import org.permanence.TestOffice;
import org.permanence.bench.WebhookLoad;

/**
 * Not a test: a benchmark. Claire has Tasklist open in a real Chromium on the all-in-one jar; Aircall
 * {@code call.created} webhooks for her doctor arrive at a steady rate, and the page itself notes when each
 * call's task first shows in her list (a MutationObserver on the list, on the same machine's clock as the
 * sender). Tasklist's own 10-second refresh is turned off in the page: the figures are the push's alone.
 * Last line: {@code screen_pop_p50_ms=… screen_pop_p95_ms=…}; {@code -Dbench.calls}, {@code -Dbench.rate} change the load.
 */
class ScreenPopBenchmark {

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
        settings.put("permanence.telephony.aircall.token", WebhookLoad.TOKEN);
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
                    WebhookLoad.percentile(latencies, 99), latencies.get(latencies.size() - 1));
            System.out.printf(Locale.ROOT, "screen_pop_p50_ms=%d screen_pop_p95_ms=%d%n", WebhookLoad.percentile(latencies, 50), WebhookLoad.percentile(latencies, 95));
        }
    }

    /** Rings {@code count} calls and answers, sorted, how long each took to show in her list. */
    private List<Long> measure(JarNode node, String batch, int count) throws Exception {
        Map<String, Long> sentAt = WebhookLoad.ring(node, batch, count, rate, i -> DOCTOR_LINE);
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

    /** Task id → call id, once every call of the batch has its Traiter l'appel task. */
    private static Map<String, String> tasksOf(JarNode node, String batch, int count) throws Exception {
        Map<String, String> callOfTask = new HashMap<>();
        WebhookLoad.tasks(node, batch, count, Duration.ofMinutes(2)).forEach((call, task) -> callOfTask.put(task.get("id").asText(), call));
        return callOfTask;
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
}
