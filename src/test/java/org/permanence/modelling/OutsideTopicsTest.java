package org.permanence.modelling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.permanence.ModelerDeployment;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestOffice;
import org.permanence.people.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Steps served by a worker outside the jar: a topic declared in the configuration (the shared node
 * declares {@code print-envelope}) or by a manager through {@code /api/outside-topics} is accepted by the
 * deployment guard, deployed as Camunda Modeler does; a topic nobody serves is still refused with its
 * element named; only managers declare, and a bad declaration is refused field by field.
 */
@OfficeIntegrationTest
class OutsideTopicsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OWN_WORKER_PASSWORD = "Envelope-printer-2026-long-secret";
    private final String base = SharedNode.baseUrl();

    @Autowired
    IdentityService identity;

    @Autowired
    RuntimeService runtime;

    @Autowired
    RepositoryService repository;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTopicDeclaredInTheConfigurationIsAccepted() throws Exception {
        HttpResponse<String> deployed = deploy("envelopes", "print-envelope");

        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        repository.deleteDeployment(JSON.readTree(deployed.body()).get("id").asText(), true);
    }

    /** As docs/managers.md shows with a Node.js worker: an account of its own, in the workers group. */
    @Test
    void aWorkerOfYourOwnInTheWorkersGroupTakesTheTasksOfAnOutsideTopic() throws Exception {
        HttpResponse<String> deployed = deploy("envelopes-taken", "print-envelope");
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        User account = identity.newUser("envelope-printer");
        account.setPassword(OWN_WORKER_PASSWORD);
        identity.saveUser(account);
        identity.createMembership("envelope-printer", Groups.WORKERS);
        try {
            String instance = runtime.startProcessInstanceByKey("envelopes-taken", Map.of("clientId", "cabinet-martin")).getId();

            HttpResponse<String> fetched = TestOffice.call("POST", base + "/engine-rest/external-task/fetchAndLock", "envelope-printer",
                    OWN_WORKER_PASSWORD, "{\"workerId\": \"envelope-printer\", \"maxTasks\": 5,"
                            + " \"topics\": [{\"topicName\": \"print-envelope\", \"lockDuration\": 60000}]}");

            assertThat(fetched.statusCode()).as(fetched.body()).isEqualTo(200);
            JsonNode task = JSON.readTree(fetched.body()).get(0);
            assertThat(task.get("processInstanceId").asText()).isEqualTo(instance);
            assertThat(task.get("tenantId").asText()).isEqualTo("cabinet-martin");
            HttpResponse<String> completed = TestOffice.call("POST", base + "/engine-rest/external-task/" + task.get("id").asText()
                    + "/complete", "envelope-printer", OWN_WORKER_PASSWORD, "{\"workerId\": \"envelope-printer\"}");
            assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        } finally {
            identity.deleteUser("envelope-printer");
            repository.deleteDeployment(JSON.readTree(deployed.body()).get("id").asText(), true);
        }
    }

    @Test
    void aManagerDeclaresATopicAndADiagramUsingItIsThenAccepted() throws Exception {
        assertThat(deploy("faxes-outside", "fax-send").statusCode()).isEqualTo(400);

        HttpResponse<String> declared = TestOffice.call("PUT", base + "/api/outside-topics/fax-send", "nadia", DEMO_PASSWORD,
                "{\"servedBy\": \"fax-bridge.js on the office's fax server (ask Marc)\"}");
        try {
            assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);
            JsonNode topic = JSON.readTree(declared.body());
            assertThat(topic.get("topic").asText()).isEqualTo("fax-send");
            assertThat(topic.get("servedBy").asText()).isEqualTo("fax-bridge.js on the office's fax server (ask Marc)");
            assertThat(topic.get("declaredIn").asText()).isEqualTo("OFFICE");
            assertThat(topic.get("declaredBy").asText()).isEqualTo("nadia");
            HttpResponse<String> listed = TestOffice.call("GET", base + "/api/outside-topics", "nadia", DEMO_PASSWORD, null);
            assertThat(JSON.readTree(listed.body()).findValuesAsText("topic")).contains("fax-send", "print-envelope");

            HttpResponse<String> deployed = deploy("faxes-outside", "fax-send");

            assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
            String deploymentId = JSON.readTree(deployed.body()).get("id").asText();
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("faxes-outside").singleResult().getDeploymentId())
                    .isEqualTo(deploymentId);
            repository.deleteDeployment(deploymentId, true);
        } finally {
            assertThat(TestOffice.call("DELETE", base + "/api/outside-topics/fax-send", "nadia", DEMO_PASSWORD, null).statusCode())
                    .isEqualTo(204);
        }
        assertThat(TestOffice.call("GET", base + "/api/outside-topics/fax-send", "nadia", DEMO_PASSWORD, null).statusCode())
                .isEqualTo(404);
        assertThat(deploy("faxes-outside-again", "fax-send").statusCode()).isEqualTo(400);
    }

    @Test
    void aTopicNobodyServesIsStillRefusedWithItsElementNamed() throws Exception {
        HttpResponse<String> refused = deploy("telexes", "send-telex");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode errors = JSON.readTree(refused.body()).get("details").get("telexes.bpmn").get("errors");
        assertThat(errors.findValuesAsText("mainElementId")).containsExactly("Send");
        assertThat(errors.findValuesAsText("message")).singleElement().asString()
                .startsWith("\"Envoyer\" (Send) uses topic \"send-telex\", which no worker handles; topics with a worker: ")
                .contains("record-call")
                .contains("; topics declared served by outside workers: print-envelope");
        assertThat(repository.createDeploymentQuery().deploymentName("telexes").count()).isZero();
    }

    @Test
    void aSecretaryMayNotDeclareATopic() throws Exception {
        HttpResponse<String> refused = TestOffice.call("PUT", base + "/api/outside-topics/claire-topic", "claire", DEMO_PASSWORD,
                "{\"servedBy\": \"my own script\"}");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(storedDeclarations("claire-topic")).isZero();
        assertThat(deploy("claire-topics", "claire-topic").statusCode()).isEqualTo(400);
    }

    @Test
    void aBadDeclarationIsRefusedWithItsFieldNamed() throws Exception {
        assertFieldProblem(TestOffice.call("PUT", base + "/api/outside-topics/fax!send", "nadia", DEMO_PASSWORD,
                "{\"servedBy\": \"a script\"}"), "topic", "outsideTopic.topic.invalid");
        assertFieldProblem(TestOffice.call("PUT", base + "/api/outside-topics/blank-served-by", "nadia", DEMO_PASSWORD,
                "{\"servedBy\": \" \"}"), "servedBy", "NotBlank");
        assertFieldProblem(TestOffice.call("PUT", base + "/api/outside-topics/record-call", "nadia", DEMO_PASSWORD,
                "{\"servedBy\": \"a rival of the office's own worker\"}"), "topic", "outsideTopic.topic.servedInTheJar");

        assertThat(storedDeclarations("fax!send") + storedDeclarations("blank-served-by") + storedDeclarations("record-call")).isZero();
    }

    private static void assertFieldProblem(HttpResponse<String> response, String field, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body()).get("errors");
        assertThat(problem.findValuesAsText("field")).containsExactly(field);
        assertThat(problem.findValuesAsText("code")).containsExactly(code);
    }

    private int storedDeclarations(String topic) {
        return jdbc.sql("select count(*) from outside_topic where topic = ?").param(topic).query(Integer.class).single();
    }

    private HttpResponse<String> deploy(String key, String topic) {
        String diagram = Bpmn.convertToString(Bpmn.createExecutableProcess(key).name("Dehors").camundaHistoryTimeToLive(1).startEvent()
                .serviceTask("Send").name("Envoyer").camundaExternalTask(topic).endEvent().done());
        return ModelerDeployment.named(key).file(key + ".bpmn", diagram).deployAs(base, "nadia", DEMO_PASSWORD);
    }
}
