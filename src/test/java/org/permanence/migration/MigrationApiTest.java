package org.permanence.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestOffice;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Moving running work to the newest version: a process of its own, two instances on version 1 — one
 * waiting at a step version 2 keeps, one at a step version 2 dropped. The first moves, the second is
 * reported with its step, and stays where it was.
 */
@OfficeIntegrationTest
class MigrationApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "migration-check";
    private final String base = SharedNode.baseUrl();

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @AfterEach
    void removeTheProcess() {
        repository.createDeploymentQuery().deploymentName(KEY).list()
                .forEach(deployment -> repository.deleteDeployment(deployment.getId(), true));
    }

    @Test
    void aWaitingInstanceMovesAndOneAtADroppedStepIsReported() throws Exception {
        deploy(Bpmn.createExecutableProcess(KEY).name("Vérification").camundaHistoryTimeToLive(1).startEvent()
                .userTask("Check").name("Vérifier").camundaCandidateGroups("managers")
                .userTask("Fax").name("Faxer").camundaCandidateGroups("managers")
                .endEvent().done());
        String waiting = runtime.startProcessInstanceByKey(KEY, "waiting-" + System.nanoTime()).getId();
        String atFax = runtime.startProcessInstanceByKey(KEY, "at-fax-" + System.nanoTime()).getId();
        tasks.complete(tasks.createTaskQuery().processInstanceId(atFax).singleResult().getId());
        deploy(Bpmn.createExecutableProcess(KEY).name("Vérification").camundaHistoryTimeToLive(1).startEvent()
                .userTask("Check").name("Vérifier").camundaCandidateGroups("managers")
                .endEvent().done());

        JsonNode preview = JSON.readTree(ok(TestOffice.call("GET", url(), "nadia", DEMO_PASSWORD, null)));
        assertThat(preview.get("newestVersion").asInt()).isEqualTo(2);
        JsonNode version1 = preview.get("versions").get(0);
        assertThat(version1.get("version").asInt()).isEqualTo(1);
        assertThat(version1.get("running").asLong()).isEqualTo(2);
        assertThat(version1.get("canMove").asLong()).isEqualTo(1);
        assertThat(version1.get("cannotMove").findValuesAsText("processInstanceId")).containsExactly(atFax);
        assertThat(version1.get("cannotMove").get(0).get("reasons").get(0).asText())
                .isEqualTo("waits at \"Faxer\" (Fax), which version 2 has no longer (or not of the same kind)");

        JsonNode outcome = JSON.readTree(ok(TestOffice.call("POST", url(), "nadia", DEMO_PASSWORD, null)));
        assertThat(outcome.get("moved").get(0).asText()).isEqualTo(waiting);
        assertThat(outcome.get("notMoved").findValuesAsText("processInstanceId")).containsExactly(atFax);
        assertThat(definitionVersion(waiting)).isEqualTo(2);
        assertThat(definitionVersion(atFax)).isEqualTo(1);
        assertThat(tasks.createTaskQuery().processInstanceId(waiting).singleResult().getTaskDefinitionKey()).isEqualTo("Check");
    }

    @Test
    void manyInstancesMoveThroughAnEngineBatch() throws Exception {
        BpmnModelInstance version = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1).startEvent()
                .userTask("Check").camundaCandidateGroups("managers").endEvent().done();
        deploy(version);
        String waiting = runtime.startProcessInstanceByKey(KEY).getId();
        deploy(Bpmn.createExecutableProcess(KEY).name("Vérification v2").camundaHistoryTimeToLive(1).startEvent()
                .userTask("Check").camundaCandidateGroups("managers").endEvent().done());

        HttpResponse<String> accepted = TestOffice.call("POST", url() + "?mode=batch", "nadia", DEMO_PASSWORD, null);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode outcome = JSON.readTree(accepted.body());
        assertThat(outcome.get("batchId").asText()).isNotBlank();
        assertThat(outcome.get("inBatch").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> definitionVersion(waiting) == 2);
    }

    @Test
    void aSecretaryMayNotMoveWork() {
        deploy(Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1).startEvent().endEvent().done());

        assertThat(TestOffice.call("GET", url(), "claire", DEMO_PASSWORD, null).statusCode()).isEqualTo(403);
        assertThat(TestOffice.call("POST", url(), "claire", DEMO_PASSWORD, null).statusCode()).isEqualTo(403);
    }

    @Test
    void anUnknownProcessIs404() {
        assertThat(TestOffice.call("GET", base + "/api/processes/no-such-process/migration", "nadia", DEMO_PASSWORD, null)
                .statusCode()).isEqualTo(404);
    }

    private int definitionVersion(String processInstanceId) {
        String definitionId = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult().getProcessDefinitionId();
        return repository.getProcessDefinition(definitionId).getVersion();
    }

    private void deploy(BpmnModelInstance model) {
        repository.createDeployment().name(KEY).addModelInstance(KEY + ".bpmn", model).deploy();
    }

    private String url() {
        return base + "/api/processes/" + KEY + "/migration";
    }

    private static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 202);
        return response.body();
    }
}
