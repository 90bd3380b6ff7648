package org.permanence.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.Eventually.await;
import static org.permanence.TestOffice.DEMO_PASSWORD;
import static org.permanence.TestOffice.call;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestMail;
import org.permanence.mail.MailFolder;
import org.permanence.storage.ObjectStorage;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A secretary's process starts through the engine's REST API, as claire (who serves cabinet-martin and
 * plomberie-leroy, not durand-avocats) would try them: only the processes started by hand, only with their
 * start form's fields, only for a client she serves. Each refusal starts nothing.
 */
@OfficeIntegrationTest
class ProcessStartsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HERS = "cabinet-martin";
    private static final String SOPHIES = "durand-avocats";
    private static final String HER_LINE = "+33145678910";

    private final String base = SharedNode.baseUrl();

    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    TaskService tasks;
    @Autowired
    ObjectStorage storage;
    @Autowired
    MailFolder folder;

    @Test
    void claireCannotAttachDurandsContractToAMailOfHerClient() throws Exception {
        String contract = durandsContract();
        String outsider = "exfiltration-" + UUID.randomUUID() + "@example.org";

        HttpResponse<String> refused = claireStarts("mail-drafting", Map.of("clientId", HERS, "templateCode", "answer",
                "recipientEmail", outsider, "callerName", "Jean Dupont", "reason", "Votre contrat", "attachmentKeys", contract));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(message(refused)).contains("attachmentKeys");
        assertNothingStartedFor(outsider);
        assertThat(TestMail.to(folder, outsider)).isEmpty();
    }

    @Test
    void claireCannotStartACaseForAClientSheDoesNotServe() throws Exception {
        String recipient = "pour-sophie-" + UUID.randomUUID() + "@example.org";

        HttpResponse<String> refused = claireStarts("mail-drafting", Map.of("clientId", SOPHIES, "templateCode", "answer",
                "recipientEmail", recipient, "callerName", "Jean Dupont", "reason", "Un rendez-vous"));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertNothingStartedFor(recipient);
        assertThat(tasks.createTaskQuery().tenantIdIn(SOPHIES).taskCandidateUser("sophie")
                .processVariableValueEquals("recipientEmail", recipient).count()).isZero();
    }

    @Test
    void claireCannotStartAClassificationOfAnotherClientsDocument() throws Exception {
        String contract = durandsContract();
        String documentId = contract.split("/")[2];

        HttpResponse<String> refused = claireStarts("document-classification", Map.of("clientId", HERS, "documentId", documentId,
                "originalName", "contrat.pdf", "previewUrl", "http://localhost/x"));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("document-classification")
                .variableValueEquals("documentId", documentId).count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().variableName("textExcerpt").list())
                .noneMatch(text -> String.valueOf(text.getValue()).contains("CONFIDENTIEL"));
    }

    @Test
    void aVariableTheStartFormDoesNotAskForIsRefusedByName() throws Exception {
        String caller = "+3361" + (10_000_000 + (int) (Math.random() * 89_999_999));

        HttpResponse<String> refused = claireStarts("call-intake", Map.of("dialledNumber", HER_LINE, "callerNumber", caller,
                "callerName", "Quelqu'un d'autre", "escalationContact", "+33600000000"));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(message(refused)).contains("callerName", "escalationContact");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("call-intake")
                .variableValueEquals("callerNumber", caller).count()).isZero();
    }

    @Test
    void tasklistListsOnlyTheProcessesStartedByHand() throws Exception {
        HttpResponse<String> startable = call("GET", base + "/engine-rest/process-definition?latestVersion=true&active=true"
                + "&startableInTasklist=true&startablePermissionCheck=true", "claire", DEMO_PASSWORD, null);

        assertThat(startable.statusCode()).as(startable.body()).isEqualTo(200);
        assertThat(JSON.readTree(startable.body()).findValuesAsText("key")).containsExactlyInAnyOrder("call-intake", "mail-drafting");
    }

    @Test
    void claireStillLogsACallAndWritesAMailFromTheirStartForms() throws Exception {
        String caller = "+3361" + (10_000_000 + (int) (Math.random() * 89_999_999));
        HttpResponse<String> call = claireSubmits("call-intake", Map.of("dialledNumber", HER_LINE, "callerNumber", caller));
        assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
        ProcessInstance logged = runtime.createProcessInstanceQuery().processInstanceId(JSON.readTree(call.body()).get("id").asText())
                .singleResult();
        assertThat(logged.getTenantId()).isEqualTo(HERS);

        String recipient = "patient-" + UUID.randomUUID() + "@example.org";
        Map<String, Object> mail = new LinkedHashMap<>();
        mail.put("clientId", HERS);
        mail.put("templateCode", "answer");
        mail.put("recipientEmail", recipient);
        mail.put("callerName", "Hélène Lefèvre");
        mail.put("recipientAddress", "");
        mail.put("reason", "Ordonnance à renouveler");
        mail.put("appointmentAt", "");
        mail.put("notes", "");
        HttpResponse<String> written = claireSubmits("mail-drafting", mail);
        assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
        String caseId = JSON.readTree(written.body()).get("id").asText();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(caseId).singleResult().getTenantId()).isEqualTo(HERS);
        await("her mail's draft to reach her for review", () -> tasks.createTaskQuery().processInstanceId(caseId)
                .taskDefinitionKey("ReviewDraft").taskCandidateUser("claire").count() == 1);
    }

    /** A confidential document of durand-avocats in object storage, as an upload leaves it; answers its key. */
    private String durandsContract() {
        String key = "documents/" + SOPHIES + "/" + UUID.randomUUID() + "/original";
        storage.put(key, "CONTRAT CONFIDENTIEL".getBytes(), "text/plain");
        return key;
    }

    private void assertNothingStartedFor(String recipient) {
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("mail-drafting")
                .variableValueEquals("recipientEmail", recipient).count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().variableName("recipientEmail").variableValueEquals("recipientEmail", recipient)
                .count()).isZero();
    }

    private HttpResponse<String> claireStarts(String process, Map<String, Object> variables) throws Exception {
        return call("POST", base + "/engine-rest/process-definition/key/" + process + "/start", "claire", DEMO_PASSWORD, body(variables));
    }

    /** What Tasklist sends when she fills in the start form. */
    private HttpResponse<String> claireSubmits(String process, Map<String, Object> variables) throws Exception {
        return call("POST", base + "/engine-rest/process-definition/key/" + process + "/submit-form", "claire", DEMO_PASSWORD,
                body(variables));
    }

    private static String body(Map<String, Object> variables) throws Exception {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value, "type", "String")));
        return JSON.writeValueAsString(Map.of("variables", typed));
    }

    private static String message(HttpResponse<String> response) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        return body.path("message").asText();
    }
}
