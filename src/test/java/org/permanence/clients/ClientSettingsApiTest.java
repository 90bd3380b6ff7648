package org.permanence.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;
import static org.permanence.TestOffice.call;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestOffice;
import org.springframework.beans.factory.annotation.Autowired;

/** Managers set clients up through the API; a bad setting is refused with the field and the reason. */
@OfficeIntegrationTest
class ClientSettingsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NEXT = new AtomicInteger(10);
    private final String clients = SharedNode.baseUrl() + "/api/clients";

    @Autowired
    IdentityService identity;

    @Test
    void aManagerCreatesAClientWhichBecomesATenantWithNormalisedLines() throws Exception {
        ObjectNode client = validClient();

        HttpResponse<String> created = call("POST", clients, "nadia", DEMO_PASSWORD, client.toString());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        String dialled = client.at("/phoneLines/0/number").asText();
        assertThat(body.at("/phoneLines/0/number").asText()).isEqualTo("+33" + dialled.replace(" ", "").substring(1));
        assertThat(identity.createTenantQuery().tenantId(client.get("id").asText()).count()).isEqualTo(1);
        HttpResponse<String> read = call("GET", clients + "/" + client.get("id").asText(), "nadia", DEMO_PASSWORD, null);
        assertThat(JSON.readTree(read.body()).at("/contactRules/notifyDocumentCategories/0").asText()).isEqualTo("ordonnance");
    }

    @Test
    void theSecretariesNamedServeTheNewClientFromTheStart() throws Exception {
        ObjectNode client = validClient();
        client.putArray("secretaries").add("claire");

        HttpResponse<String> created = call("POST", clients, "nadia", DEMO_PASSWORD, client.toString());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = client.get("id").asText();
        assertThat(identity.createTenantQuery().tenantId(id).userMember("claire").count()).isEqualTo(1);
        assertThat(identity.createTenantQuery().tenantId(id).userMember("sophie").count()).isZero();
        assertThat(call("GET", clients + "/" + id, "claire", DEMO_PASSWORD, null).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownSecretaryIsRefusedNeverIgnored() throws Exception {
        ObjectNode client = validClient();
        client.putArray("secretaries").add("claire").add("nobody");

        assertRefused(client, "secretaries[1]", "'nobody' is not a secretary");
        assertThat(identity.createTenantQuery().tenantId(client.get("id").asText()).count()).isZero();
        HttpResponse<String> notAList = call("POST", clients, "nadia", DEMO_PASSWORD, validClient().put("secretaries", 12).toString());
        assertThat(notAList.statusCode()).as(notAList.body()).isEqualTo(400);
    }

    @Test
    void aLineTakenAndABadTimeZoneAreReportedTogether() throws Exception {
        ObjectNode client = validClient().put("timeZone", "Europe/Pariss");
        ((ObjectNode) client.get("phoneLines").get(0)).put("number", "05 56 98 76 54");

        HttpResponse<String> refused = call("POST", clients, "nadia", DEMO_PASSWORD, client.toString());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("timeZone", "phoneLines[0].number");
    }

    @Test
    void aBadTimeZoneIsRefusedNamingTheField() throws Exception {
        ObjectNode client = validClient().put("timeZone", "Europe/Pariss");

        assertRefused(client, "timeZone", "'Europe/Pariss' is not a time zone");
    }

    @Test
    void overlappingOpeningHoursAreRefusedNamingTheRange() throws Exception {
        ObjectNode client = validClient();
        ((ArrayNode) client.get("openingHours")).addObject().put("day", "MONDAY").put("opens", "11:00").put("closes", "13:00");

        assertRefused(client, "openingHours[2]", "overlaps");
    }

    @Test
    void anUnknownDocumentCategoryInTheContactRulesIsRefused() throws Exception {
        ObjectNode client = validClient();
        ((ArrayNode) client.at("/contactRules/notifyDocumentCategories")).add("facture");

        assertRefused(client, "contactRules.notifyDocumentCategories[1]", "unknown document category 'facture'");
    }

    @Test
    void aPhoneNumberThatIsNoNumberIsRefused() throws Exception {
        ObjectNode client = validClient();
        ((ObjectNode) client.at("/phoneLines/0")).put("number", "call me maybe");

        assertRefused(client, "phoneLines[0].number", "is not a phone number");
    }

    @Test
    void anotherClientsLineIsRefused() throws Exception {
        ObjectNode client = validClient();
        ((ObjectNode) client.at("/phoneLines/0")).put("number", "01 45 67 89 10");

        assertRefused(client, "phoneLines[0].number", "already a line of client 'cabinet-martin'");
    }

    @Test
    void missingAndOutOfRangeFieldsAreListedTogether() throws Exception {
        ObjectNode client = validClient().put("language", "de");
        client.remove("name");
        ((ObjectNode) client.at("/appointmentTypes/0")).put("durationMinutes", 0);

        HttpResponse<String> refused = call("POST", clients, "nadia", DEMO_PASSWORD, client.toString());

        assertThat(refused.statusCode()).isEqualTo(400);
        List<String> fields = JSON.readTree(refused.body()).findValuesAsText("field");
        assertThat(fields).containsExactlyInAnyOrder("appointmentTypes[0].durationMinutes", "language", "name");
    }

    @Test
    void problemsAreSaidInTheLanguageTheBrowserAsksForWithTheirCodes() throws Exception {
        JsonNode zone = refusedIn("fr-FR,fr;q=0.9", validClient().put("timeZone", "Europe/Pariss")).get(0);
        assertThat(zone.get("field").asText()).isEqualTo("timeZone");
        assertThat(zone.get("code").asText()).isEqualTo("client.timeZone.unknown");
        assertThat(zone.get("message").asText()).isEqualTo("« Europe/Pariss » n’est pas un fuseau horaire ; écrivez une région comme Europe/Paris");

        ObjectNode unnamed = validClient();
        unnamed.remove("name");
        ((ObjectNode) unnamed.at("/appointmentTypes/0")).put("durationMinutes", 0);
        JsonNode french = refusedIn("fr", unnamed);
        assertThat(french.findValuesAsText("message")).containsExactly("au moins 5", "doit être rempli");
        assertThat(french.findValuesAsText("code")).containsExactly("Min", "NotBlank");
        assertThat(refusedIn("en-GB,en;q=0.8", unnamed).findValuesAsText("message"))
                .containsExactly("must be greater than or equal to 5", "must not be blank");
    }

    @Test
    void problemsAreSaidInTheProfilesLanguageWhateverTheBrowserAsks() throws Exception {
        try {
            assertThat(call("PUT", SharedNode.baseUrl() + "/api/me/language", "nadia", DEMO_PASSWORD, "{\"language\": \"fr\"}")
                    .statusCode()).isEqualTo(200);

            JsonNode errors = refusedIn("en", validClient().put("timeZone", "Europe/Pariss"));

            assertThat(errors.get(0).get("message").asText()).startsWith("« Europe/Pariss » n’est pas un fuseau horaire");
        } finally {
            identity.deleteUserInfo("nadia", "language");
        }
    }

    @Test
    void malformedJsonIsRefusedWithTheReason() {
        HttpResponse<String> refused = call("POST", clients, "nadia", DEMO_PASSWORD, "{\"id\": \"x\", \"openingHours\": [{\"day\": \"LUNDI\"}]}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("LUNDI").doesNotContain("at [Source");
    }

    @Test
    void aSecretaryMayReadButNotChangeHerClient() throws Exception {
        HttpResponse<String> mine = call("GET", clients + "/cabinet-martin", "claire", DEMO_PASSWORD, null);
        assertThat(mine.statusCode()).isEqualTo(200);

        HttpResponse<String> change = call("PUT", clients + "/cabinet-martin", "claire", DEMO_PASSWORD, mine.body());

        assertThat(change.statusCode()).isEqualTo(403);
    }

    @Test
    void aManagerChangesABriefing() throws Exception {
        ObjectNode plumber = (ObjectNode) JSON.readTree(call("GET", clients + "/plomberie-leroy", "nadia", DEMO_PASSWORD, null).body());
        ((ObjectNode) plumber.get("briefing")).put("notes", "Congés du 24/12 au 02/01");

        HttpResponse<String> changed = call("PUT", clients + "/plomberie-leroy", "nadia", DEMO_PASSWORD, plumber.toString());

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(JSON.readTree(changed.body()).at("/briefing/notes").asText()).isEqualTo("Congés du 24/12 au 02/01");
    }

    /** The problems of creating this client, asked in these languages (an Accept-Language header). */
    private JsonNode refusedIn(String languages, ObjectNode client) throws Exception {
        HttpResponse<String> refused = TestOffice.post(clients, "application/json", client.toString(), "Accept-Language", languages,
                "Authorization", "Basic " + Base64.getEncoder().encodeToString(("nadia:" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        return JSON.readTree(refused.body()).get("errors");
    }

    private void assertRefused(ObjectNode client, String field, String reason) throws Exception {
        HttpResponse<String> refused = call("POST", clients, "nadia", DEMO_PASSWORD, client.toString());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode errors = JSON.readTree(refused.body()).get("errors");
        assertThat(errors).as(refused.body()).hasSize(1);
        assertThat(errors.get(0).get("field").asText()).isEqualTo(field);
        assertThat(errors.get(0).get("message").asText()).contains(reason);
    }

    /** A dentist, valid in every respect; each test breaks one thing. */
    private static ObjectNode validClient() {
        // each test client needs an id and a line of its own
        int n = NEXT.incrementAndGet();
        String id = "dentiste-" + n;
        Map<String, Object> client = Map.ofEntries(
                Map.entry("id", id),
                Map.entry("name", "Cabinet dentaire Petit"),
                Map.entry("language", "fr"),
                Map.entry("timeZone", "Europe/Paris"),
                Map.entry("phoneLines", List.of(Map.of("number", String.format("02 98 76 54 %02d", n), "label", "Accueil"))),
                Map.entry("openingHours", List.of(Map.of("day", "MONDAY", "opens", "09:00", "closes", "12:00"),
                        Map.of("day", "MONDAY", "opens", "14:00", "closes", "18:00"))),
                Map.entry("appointmentTypes", List.of(Map.of("code", "controle", "name", "Contrôle", "durationMinutes", 30,
                        "bufferBeforeMinutes", 0, "bufferAfterMinutes", 10, "minimumNoticeMinutes", 120))),
                Map.entry("briefing", Map.of("greeting", "Cabinet dentaire, bonjour.", "urgentWhen", "Abcès, dent cassée.",
                        "putThrough", "Personne pendant les soins.")),
                Map.entry("contactRules", Map.of("email", "petit@example.fr", "urgentEmail", "petit.urgent@example.fr",
                        "messages", "IMMEDIATELY", "callBackWithinMinutes", 120, "urgentConfirmWithinMinutes", 15,
                        "notifyDocumentCategories", List.of("ordonnance"))),
                Map.entry("documentCategories", List.of(Map.of("code", "ordonnance", "name", "Ordonnance"))),
                Map.entry("classificationThreshold", 0.8));
        ObjectNode node = JSON.valueToTree(client);
        return node;
    }
}
