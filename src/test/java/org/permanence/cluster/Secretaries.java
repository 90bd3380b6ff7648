package org.permanence.cluster;

import static org.permanence.TestOffice.DEMO_PASSWORD;
import static org.permanence.TestOffice.call;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo office's staff at work through the engine REST API, as Tasklist does it: claire and sophie
 * take the <em>Traiter l'appel</em> tasks given to them (or left in the queue) and record each call,
 * the manager nadia takes the escalated urgent calls. A secretary never confirms an urgent call was
 * passed on: its escalation timer must fire. Only the calls whose business key starts with the prefix
 * are theirs.
 */
public final class Secretaries implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SECRETARIES = List.of("claire", "sophie");
    private static final String MANAGER = "nadia";

    private final EngineNodes nodes;
    private final String businessKeyPrefix;
    private final Function<String, String> categoryOfCall;
    private final ExecutorService desks;
    private final ExecutorService pollers = Executors.newFixedThreadPool(SECRETARIES.size() + 1);
    private final Set<String> inHand = ConcurrentHashMap.newKeySet();
    private final AtomicInteger callsHandled = new AtomicInteger();
    private final AtomicInteger escalationsHandled = new AtomicInteger();
    private volatile boolean atWork = true;

    /**
     * @param categoryOfCall what each caller wants, by provider call id: {@code message}, {@code urgent}, …
     * @param desks how many tasks the office handles at the same moment
     */
    public Secretaries(EngineNodes nodes, String businessKeyPrefix, Function<String, String> categoryOfCall, int desks) {
        this.nodes = nodes;
        this.businessKeyPrefix = businessKeyPrefix;
        this.categoryOfCall = categoryOfCall;
        this.desks = Executors.newFixedThreadPool(desks);
        SECRETARIES.forEach(secretary -> pollers.execute(() -> work(secretary, "HandleCall")));
        pollers.execute(() -> work(MANAGER, "ReachClientEscalated"));
    }

    public int callsHandled() {
        return callsHandled.get();
    }

    public int escalationsHandled() {
        return escalationsHandled.get();
    }

    private void work(String user, String taskKey) {
        while (atWork) {
            try {
                for (JsonNode task : tasks(user, taskKey)) {
                    String assignee = task.path("assignee").isNull() ? null : task.path("assignee").asText(null);
                    String id = task.get("id").asText();
                    if ((assignee == null || assignee.equals(user)) && inHand.add(id)) {
                        desks.execute(() -> handle(user, id, assignee == null, taskKey));
                    }
                }
                Thread.sleep(250);
            } catch (InterruptedException stopped) {
                return;
            } catch (RuntimeException | AssertionError nodeTrouble) {
                // every node busy restarting: look again
            }
        }
    }

    private JsonNode tasks(String user, String taskKey) {
        HttpResponse<String> answer = nodes.send(base -> call("GET", base + "/engine-rest/task?taskDefinitionKey=" + taskKey
                + "&processInstanceBusinessKeyLike=" + businessKeyPrefix + "%25&sortBy=created&sortOrder=asc&maxResults=100",
                user, DEMO_PASSWORD, null));
        return read(answer);
    }

    private void handle(String user, String taskId, boolean fromQueue, String taskKey) {
        try {
            if (fromQueue && !ok(nodes.send(base -> call("POST", base + "/engine-rest/task/" + taskId + "/claim", user, DEMO_PASSWORD,
                    "{\"userId\": \"" + user + "\"}")))) {
                // the office gave it to a colleague meanwhile (waiting work goes to whoever becomes free): hers now, her
                // poller takes it once it is no longer in hand here — kept in hand, it waited forever
                inHand.remove(taskId);
                return;
            }
            if (taskKey.equals("HandleCall")) {
                recordCall(user, taskId);
            } else if (ok(nodes.send(base -> call("POST", base + "/engine-rest/task/" + taskId + "/complete", user, DEMO_PASSWORD, "{}")))) {
                escalationsHandled.incrementAndGet();
            }
            // a done task stays "in hand": a task list fetched before it was done must not offer it again
        } catch (RuntimeException | AssertionError nodeTrouble) {
            // the poller offers the task again if it is still there
            inHand.remove(taskId);
        }
    }

    private void recordCall(String user, String taskId) {
        HttpResponse<String> variable = nodes.send(base -> call("GET", base + "/engine-rest/task/" + taskId
                + "/variables/providerCallId", user, DEMO_PASSWORD, null));
        if (variable.statusCode() != 200) {
            throw new IllegalStateException("task " + taskId + ": " + variable.statusCode() + " " + variable.body());
        }
        String callId = read(variable).get("value").asText();
        String answer = """
                {"variables": {"callerName": {"value": "M. Client"}, "reason": {"value": "Demande %s"},
                 "category": {"value": "%s"}, "mood": {"value": "calm"}}}""".formatted(callId, categoryOfCall.apply(callId));
        // 404 after a retry: the first attempt committed on a node that died before answering
        HttpResponse<String> completed = nodes.send(base -> call("POST", base + "/engine-rest/task/" + taskId + "/complete", user,
                DEMO_PASSWORD, answer));
        if (completed.statusCode() == 204) {
            callsHandled.incrementAndGet();
        } else if (completed.statusCode() != 404) {
            throw new IllegalStateException("task " + taskId + ": " + completed.statusCode() + " " + completed.body());
        }
    }

    private static boolean ok(HttpResponse<String> answer) {
        return answer.statusCode() / 100 == 2;
    }

    private static JsonNode read(HttpResponse<String> answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (Exception e) {
            throw new IllegalStateException(answer.statusCode() + " " + answer.body(), e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        atWork = false;
        pollers.shutdownNow();
        desks.shutdown();
        desks.awaitTermination(30, TimeUnit.SECONDS);
    }
}
