package org.permanence.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;
import static org.permanence.TestOffice.call;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.permanence.Eventually;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;

/**
 * Claire (cabinet-martin, plomberie-leroy) asks the engine's REST API for Durand's work by id: every
 * answer is a refusal (403, or 404 where the engine finds nothing she may see) in Camunda's error
 * body, never a 500 as if the node had failed, and never the data.
 */
@OfficeIntegrationTest
class TenantRefusalsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LAWYER = "durand-avocats";
    private final String rest = SharedNode.baseUrl() + "/engine-rest";

    @Test
    void anotherClientsTaskAndInstanceAreRefusedNotFailed() throws Exception {
        Eventually.await("a call of Durand's waiting", () -> !list("/task?tenantIdIn=" + LAWYER + "&maxResults=1").isEmpty());
        Map<String, Object> task = list("/task?tenantIdIn=" + LAWYER + "&maxResults=1").get(0);
        String taskId = (String) task.get("id");
        String instanceId = (String) task.get("processInstanceId");

        for (String read : List.of("/task/" + taskId, "/task/" + taskId + "/variables", "/task/" + taskId + "/form-variables",
                "/process-instance/" + instanceId, "/process-instance/" + instanceId + "/variables")) {
            assertRefused(call("GET", rest + read, "claire", DEMO_PASSWORD, null), "GET " + read);
        }
        assertRefused(call("POST", rest + "/task/" + taskId + "/claim", "claire", DEMO_PASSWORD, "{\"userId\": \"claire\"}"),
                "claim");
        assertRefused(call("PUT", rest + "/process-instance/" + instanceId + "/variables/note", "claire", DEMO_PASSWORD,
                "{\"value\": \"written by claire\", \"type\": \"String\"}"), "write a variable");

        // nothing was taken or written
        JsonNode after = JSON.readTree(call("GET", rest + "/task/" + taskId, "nadia", DEMO_PASSWORD, null).body());
        assertThat(after.path("assignee").asText()).isNotEqualTo("claire");
        assertThat(call("GET", rest + "/process-instance/" + instanceId + "/variables/note", "nadia", DEMO_PASSWORD, null)
                .statusCode()).isEqualTo(404);
    }

    private static void assertRefused(HttpResponse<String> answer, String what) throws Exception {
        assertThat(answer.statusCode()).as(what + ": " + answer.body()).isIn(403, 404);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("type").asText()).as(what).isNotEmpty();
        assertThat(body.path("message").asText()).as(what).isNotEmpty();
        assertThat(answer.body()).as(what).doesNotContain("dialledNumber").doesNotContain("callerNumber");
    }

    private List<Map<String, Object>> list(String query) {
        HttpResponse<String> answer = call("GET", rest + query, "nadia", DEMO_PASSWORD, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        try {
            return JSON.readValue(answer.body(), new TypeReference<>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
