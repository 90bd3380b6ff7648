package org.permanence.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;
import static org.permanence.TestOffice.call;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.clients.engine.ClientTenants;
import org.permanence.people.Groups;
import org.permanence.people.engine.OfficeIdentity;
import org.springframework.beans.factory.annotation.Autowired;

/** A secretary sets her status in one request and sees her team's; nobody learns of clients she does not serve. */
@OfficeIntegrationTest
class PresenceApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base = SharedNode.baseUrl();

    @Autowired
    SecretaryStatuses statuses;
    @Autowired
    OfficeIdentity office;
    @Autowired
    ClientTenants tenants;

    @AfterEach
    void everyoneBackAtWork() {
        List.of("claire", "sophie").forEach(id -> statuses.set(id, Status.AVAILABLE, null));
    }

    @Test
    void aSecretaryTakesABreakAndSeesItEnd() throws Exception {
        assertThat(json(call("GET", base + "/api/me/status", "claire", DEMO_PASSWORD, null)).get("status").asText())
                .isEqualTo("AVAILABLE");

        JsonNode onBreak = json(call("PUT", base + "/api/me/status", "claire", DEMO_PASSWORD, "{\"status\":\"BREAK\",\"minutes\":15}"));

        assertThat(onBreak.get("status").asText()).isEqualTo("BREAK");
        assertThat(Duration.between(Instant.now(), Instant.parse(onBreak.get("until").asText())))
                .isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
        assertThat(json(call("GET", base + "/api/me/status", "claire", DEMO_PASSWORD, null)).get("status").asText())
                .isEqualTo("BREAK");
        JsonNode back = json(call("PUT", base + "/api/me/status", "claire", DEMO_PASSWORD, "{\"status\":\"AVAILABLE\"}"));
        assertThat(back.get("status").asText()).isEqualTo("AVAILABLE");
        assertThat(back.get("until").isNull()).isTrue();
    }

    @Test
    void aStatusThatMakesNoSenseIsRefusedFieldByField() throws Exception {
        HttpResponse<String> noMinutes = call("PUT", base + "/api/me/status", "claire", DEMO_PASSWORD, "{\"status\":\"FOCUS\"}");
        assertThat(noMinutes.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noMinutes.body()).at("/errors/0/field").asText()).isEqualTo("minutes");

        HttpResponse<String> tooLong = call("PUT", base + "/api/me/status", "claire", DEMO_PASSWORD, "{\"status\":\"BREAK\",\"minutes\":241}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("from 1 to 240");

        assertThat(call("PUT", base + "/api/me/status", "claire", DEMO_PASSWORD, "{\"status\":\"AWAY\",\"minutes\":30}").statusCode())
                .isEqualTo(400);
        assertThat(call("PUT", base + "/api/me/status", "claire", DEMO_PASSWORD, "{\"status\":\"NAP\"}").statusCode()).isEqualTo(400);
        assertThat(call("GET", base + "/api/me/status", null, null, null).statusCode()).isEqualTo(401);
        assertThat(json(call("GET", base + "/api/me/status", "claire", DEMO_PASSWORD, null)).get("status").asText())
                .isEqualTo("AVAILABLE");
    }

    @Test
    void theTeamIsWhoeverSharesAClientWithHerAndManagersSeeEveryone() throws Exception {
        // a secretary of the law firm only: sophie's colleague, a stranger to claire
        office.user("lucie", "Lucie", "Garnier", null, DEMO_PASSWORD, List.of(Groups.SECRETARIES));
        tenants.addSecretary("durand-avocats", "lucie");
        statuses.set("lucie", Status.AWAY, null);
        statuses.set("sophie", Status.FOCUS, 45);

        JsonNode claires = json(call("GET", base + "/api/team", "claire", DEMO_PASSWORD, null));
        assertThat(ids(claires)).contains("claire", "sophie").doesNotContain("lucie", "nadia");
        JsonNode sophie = member(claires, "sophie");
        assertThat(sophie.get("name").asText()).isEqualTo("Sophie Bernard");
        assertThat(sophie.get("status").asText()).isEqualTo("FOCUS");
        assertThat(sophie.get("until").asText()).isNotEmpty();
        assertThat(sophie.get("clients").toString()).as("claire does not serve the law firm")
                .contains("plomberie-leroy").doesNotContain("durand-avocats");

        assertThat(ids(json(call("GET", base + "/api/team", "sophie", DEMO_PASSWORD, null)))).contains("claire", "sophie", "lucie");
        JsonNode everyone = json(call("GET", base + "/api/team", "nadia", DEMO_PASSWORD, null));
        assertThat(ids(everyone)).contains("claire", "sophie", "lucie");
        assertThat(member(everyone, "lucie").get("status").asText()).isEqualTo("AWAY");
        assertThat(member(everyone, "sophie").get("clients").toString()).contains("durand-avocats", "plomberie-leroy");
    }

    private static List<String> ids(JsonNode team) {
        return team.findValuesAsText("id");
    }

    private static JsonNode member(JsonNode team, String id) {
        for (JsonNode colleague : team) {
            if (colleague.get("id").asText().equals(id)) {
                return colleague;
            }
        }
        throw new AssertionError(id + " is not in " + team);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
