package org.permanence.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;
import static org.permanence.TestOffice.call;

import java.net.http.HttpResponse;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestClients;
import org.permanence.clients.Client;
import org.permanence.clients.Client.MessageDelivery;
import org.permanence.clients.Clients;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Écrire un mail's start form as Tasklist loads it: the client is picked from the clients she serves, by name, never
 * another's; the template from the chosen client's own, whatever its name holds. The templates' list is a FEEL
 * expression the form evaluates: it is evaluated here with the engine's FEEL, on the client picked.
 */
@OfficeIntegrationTest
class WriteAMailListsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FeelEngine FEEL = new ScalaFeelEngineFactory().createInstance();

    @Autowired
    Clients clients;
    @Autowired
    RepositoryService repository;

    @Test
    void sheChoosesAmongHerClientsAndTheTemplatesOfTheOneShePicks() throws Exception {
        Client hers = clients.create(TestClients.client("ecrire", "fr", MessageDelivery.IMMEDIATELY, LocalTime.NOON), List.of("claire"));
        String named = "Relance \"ferme\" \\ à l'appelant";
        HttpResponse<String> saved = call("PUT", SharedNode.baseUrl() + "/api/clients/" + hers.id() + "/templates/ferme", "nadia", DEMO_PASSWORD,
                JSON.createObjectNode().put("code", "ferme").put("name", named).put("kind", "EMAIL")
                        .put("subject", "Relance").put("body", "Bonjour,\n\nÀ bientôt.").toString());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        JsonNode form = startForm("claire");

        JsonNode clientList = component(form, "clientId");
        assertThat(clientList.get("type").asText()).isEqualTo("select");
        assertThat(clientList.get("values").findValuesAsText("value")).contains("cabinet-martin", "plomberie-leroy", hers.id())
                .as("sophie's law firm is not hers").doesNotContain("durand-avocats");
        assertThat(clientList.get("values").findValuesAsText("label")).contains("Cabinet du Dr Martin", hers.name());

        String templates = component(form, "templateCode").get("valuesExpression").asText();
        assertThat(templates).startsWith("=").doesNotContain("durand-avocats");
        assertThat(templatesOf(templates, hers.id())).contains(Map.of("label", named, "value", "ferme"),
                Map.of("label", "Réponse à l'appelant", "value", "answer"));
        assertThat(templatesOf(templates, "durand-avocats")).as("not hers: no list").isNull();
        assertThat(templatesOf(templates, null)).as("no client picked yet").isNull();
    }

    @Test
    void aColleagueSeesHerOwnClientsOnly() throws Exception {
        JsonNode clientList = component(startForm("sophie"), "clientId");
        assertThat(clientList.get("values").findValuesAsText("value")).contains("durand-avocats", "plomberie-leroy")
                .doesNotContain("cabinet-martin");
    }

    private JsonNode startForm(String secretary) throws Exception {
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey("mail-drafting").latestVersion()
                .withoutTenantId().singleResult().getId();
        HttpResponse<String> form = call("GET", SharedNode.baseUrl() + "/engine-rest/process-definition/" + definition + "/deployed-start-form",
                secretary, DEMO_PASSWORD, null);
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        JsonNode read = JSON.readTree(form.body());
        assertThat(read.get("id").asText()).isEqualTo(WriteAMailLists.FORM_ID);
        return read;
    }

    private static JsonNode component(JsonNode form, String key) {
        for (JsonNode component : form.get("components")) {
            if (key.equals(component.path("key").asText())) {
                return component;
            }
        }
        throw new AssertionError("no field " + key + " in " + form);
    }

    private static List<Map<String, Object>> templatesOf(String expression, String clientId) {
        return FEEL.evaluateSimpleExpression(expression.substring(1),
                Variables.createVariables().putValue("clientId", clientId).asVariableContext());
    }
}
