package org.permanence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;
import static org.permanence.TestOffice.call;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * The same jar as an engine node (no workers) and as a worker node pointed at its REST API: the
 * worker node signs in with the service account and does the engine's external tasks.
 */
@Tag("jar")
class WorkerRoleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "worker-role-Secret-1";

    @Test
    void aWorkerNodePicksUpTheEngineNodesExternalTasks() throws Exception {
        Path dataDir = TestOffice.newDataDir();
        Map<String, Object> engineSettings = TestOffice.nodeProperties(dataDir);
        engineSettings.put("permanence.storage.secret-key", SECRET);

        try (JarNode engine = JarNode.start("engine-node", engineSettings, "engine")) {
            String started = startCall(engine, "04 78 12 34 56");
            Thread.sleep(2000);
            assertThat(tasksOf(engine, started)).as("no worker yet: the call waits at identify-caller").isEmpty();

            Map<String, Object> workerSettings = new LinkedHashMap<>();
            workerSettings.put("server.port", TestOffice.freePort());
            workerSettings.put("permanence.data-dir", dataDir.toString());
            workerSettings.put("permanence.engine.rest-url", engine.baseUrl() + "/engine-rest");
            workerSettings.put("permanence.storage.endpoint", engineSettings.get("permanence.storage.endpoint"));
            workerSettings.put("permanence.storage.secret-key", SECRET);
            workerSettings.put("permanence.people.worker-password", TestOffice.WORKER_PASSWORD);
            workerSettings.put("spring.mail.port", engineSettings.get("permanence.mail.smtp-port"));
            workerSettings.put("camunda.bpm.client.worker-id", "worker-node-1");

            try (JarNode worker = JarNode.start("worker-node", workerSettings, "worker")) {
                JsonNode task = awaitTask(engine, started, Duration.ofSeconds(30));
                assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("HandleCall");
                assertThat(task.get("tenantId").asText()).isEqualTo("durand-avocats");

                JsonNode log = JSON.readTree(call("GET", engine.baseUrl()
                        + "/engine-rest/history/external-task-log?successLog=true&processInstanceId=" + started,
                        "nadia", DEMO_PASSWORD, null).body());
                assertThat(log.findValuesAsText("workerId")).containsOnly("worker-node-1");
                assertThat(call("GET", engine.baseUrl() + "/actuator/health", "nadia", DEMO_PASSWORD, null).body())
                        .contains("permanence-worker@127.0.0.1");
                assertThat(worker.logText()).doesNotContain("CamundaBpmAutoConfiguration");
            }
        }
    }

    private static String startCall(JarNode engine, String dialled) throws Exception {
        HttpResponse<String> started = call("POST", engine.baseUrl() + "/engine-rest/process-definition/key/call-intake/start",
                "sophie", DEMO_PASSWORD, "{\"variables\":{\"dialledNumber\":{\"value\":\"" + dialled
                        + "\"},\"callerNumber\":{\"value\":\"06 11 22 33 44\"}}}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        return JSON.readTree(started.body()).get("id").asText();
    }

    private static JsonNode tasksOf(JarNode engine, String processInstanceId) throws Exception {
        return JSON.readTree(call("GET", engine.baseUrl() + "/engine-rest/task?processInstanceId=" + processInstanceId,
                "sophie", DEMO_PASSWORD, null).body());
    }

    private static JsonNode awaitTask(JarNode engine, String processInstanceId, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode tasks = tasksOf(engine, processInstanceId);
            if (!tasks.isEmpty()) {
                return tasks.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The worker node did not move the call to HandleCall within " + patience);
    }
}
