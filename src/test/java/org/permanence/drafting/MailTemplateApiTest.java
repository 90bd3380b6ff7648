package org.permanence.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;
import static org.permanence.TestOffice.call;

import java.net.http.HttpResponse;
import java.time.LocalTime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestClients;
import org.permanence.clients.Client;
import org.permanence.clients.Client.MessageDelivery;
import org.permanence.clients.Clients;
import org.springframework.beans.factory.annotation.Autowired;

/** Managers keep each client's templates through the API; a template that would not draft a mail is refused with its line. */
@OfficeIntegrationTest
class MailTemplateApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Clients clients;

    private Client client;
    private String templates;

    @BeforeEach
    void newClient() {
        client = clients.store(TestClients.client("modeles", "fr", MessageDelivery.IMMEDIATELY, LocalTime.NOON));
        templates = SharedNode.baseUrl() + "/api/clients/" + client.id() + "/templates";
    }

    @Test
    void aNewClientStartsWithTheUsualTemplatesInItsLanguage() throws Exception {
        HttpResponse<String> list = call("GET", templates, "nadia", DEMO_PASSWORD, null);

        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(list.body());
        assertThat(body.findValuesAsText("code")).containsExactly("answer", "letter", "reminder");
        assertThat(body.get(1).get("kind").asText()).isEqualTo("LETTER");
        assertThat(body.get(0).get("name").asText()).isEqualTo("Réponse à l'appelant");
    }

    @Test
    void aManagerReplacesATemplateAndReadsItBack() throws Exception {
        ObjectNode template = template("answer", "Bonjour [(${caller.name})],\n\nÀ bientôt.");

        HttpResponse<String> saved = call("PUT", templates + "/answer", "nadia", DEMO_PASSWORD, template.toString());

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode read = JSON.readTree(call("GET", templates + "/answer", "nadia", DEMO_PASSWORD, null).body());
        assertThat(read.get("body").asText()).isEqualTo("Bonjour [(${caller.name})],\n\nÀ bientôt.");
    }

    @Test
    void aTemplateNamingAnUnknownFieldIsRefusedWithTheLineAndTheReason() throws Exception {
        ObjectNode template = template("relance-2", "Bonjour,\n\nVotre dossier [(${dossier.numero})] avance.");

        HttpResponse<String> refused = call("PUT", templates + "/relance-2", "nadia", DEMO_PASSWORD, template.toString());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(refused.body()).at("/errors/0");
        assertThat(error.get("field").asText()).isEqualTo("body");
        assertThat(error.get("message").asText()).startsWith("line 3, column 17: unknown field 'dossier'");
        assertThat(call("GET", templates + "/relance-2", "nadia", DEMO_PASSWORD, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aTemplateThatDoesNotRenderIsRefusedWithTheLine() throws Exception {
        ObjectNode template = template("relance-3", "Bonjour,\n[# th:each=\"x : ${caller.name\"]x[/]");

        HttpResponse<String> refused = call("PUT", templates + "/relance-3", "nadia", DEMO_PASSWORD, template.toString());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).at("/errors/0/message").asText()).startsWith("line 2, column");
    }

    @Test
    void secretariesReadTheirClientsTemplatesButDoNotChangeThem() {
        assertThat(call("GET", SharedNode.baseUrl() + "/api/clients/cabinet-martin/templates", "claire", DEMO_PASSWORD, null)
                .statusCode()).isEqualTo(200);
        assertThat(call("PUT", SharedNode.baseUrl() + "/api/clients/cabinet-martin/templates/answer", "claire", DEMO_PASSWORD,
                template("answer", "Bonjour").toString()).statusCode()).isEqualTo(403);
        assertThat(call("GET", SharedNode.baseUrl() + "/api/clients/durand-avocats/templates", "claire", DEMO_PASSWORD, null)
                .statusCode()).isEqualTo(404);
    }

    private static ObjectNode template(String code, String body) {
        return JSON.createObjectNode().put("code", code).put("name", "Modèle " + code).put("kind", "EMAIL")
                .put("subject", "Votre appel : [(${call.reason})]").put("body", body);
    }
}
