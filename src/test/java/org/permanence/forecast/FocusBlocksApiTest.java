package org.permanence.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;
import static org.permanence.TestOffice.call;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A secretary sees the focus blocks proposed to her, accepts, moves and refuses them; what makes no sense is refused field by field. */
@OfficeIntegrationTest
class FocusBlocksApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base = SharedNode.baseUrl();

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forgetDecisions() {
        jdbc.sql("delete from focus_block where user_id = 'claire'").update();
    }

    @Test
    void sheAcceptsMovesAndRefusesHerFocusBlocks() throws Exception {
        JsonNode today = json(call("GET", base + "/api/me/focus-blocks", "claire", DEMO_PASSWORD, null));
        today.get("proposed").forEach(block -> {
            assertThat(Instant.parse(block.get("starts").asText()).getEpochSecond() % 900).as("on a quarter-hour").isZero();
            assertThat(block.get("leavesShort").isNull()).as("never proposed where the team would be short").isTrue();
        });
        // late in the evening no block fits the rest of today: nothing more to decide
        if (today.get("proposed").isEmpty()) {
            return;
        }
        Instant start = Instant.parse(today.get("proposed").get(0).get("starts").asText());
        HttpResponse<String> accepted = call("POST", base + "/api/me/focus-blocks", "claire", DEMO_PASSWORD, "{\"starts\":\"" + start + "\"}");
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(json(accepted).has("expectedCalls")).isTrue();
        assertThat(json(call("GET", base + "/api/me/focus-blocks", "claire", DEMO_PASSWORD, null)).get("accepted").get(0).get("starts").asText())
                .isEqualTo(start.toString());

        Instant moved = start.minus(15, ChronoUnit.MINUTES).isBefore(Instant.now()) ? start : start.minus(15, ChronoUnit.MINUTES);
        call("POST", base + "/api/me/focus-blocks", "claire", DEMO_PASSWORD, "{\"starts\":\"" + moved + "\",\"instead\":\"" + start + "\"}");
        JsonNode afterMove = json(call("GET", base + "/api/me/focus-blocks", "claire", DEMO_PASSWORD, null));
        assertThat(afterMove.get("accepted")).hasSize(1);
        assertThat(afterMove.get("accepted").get(0).get("starts").asText()).isEqualTo(moved.toString());

        call("POST", base + "/api/me/focus-blocks/refusals", "claire", DEMO_PASSWORD, "{\"starts\":\"" + moved + "\"}");
        JsonNode afterRefusal = json(call("GET", base + "/api/me/focus-blocks", "claire", DEMO_PASSWORD, null));
        afterRefusal.get("proposed").forEach(block -> assertThat(block.get("starts").asText()).as("refused: not proposed again").isNotEqualTo(moved.toString()));
    }

    @Test
    void aStartThatMakesNoSenseIsRefusedWithTheReason() throws Exception {
        for (String starts : new String[]{"\"tomorrow\"", "\"" + Instant.now().truncatedTo(ChronoUnit.HOURS).plusSeconds(60) + "\"",
                "\"" + Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS) + "\"", "null"}) {
            HttpResponse<String> refused = call("POST", base + "/api/me/focus-blocks", "claire", DEMO_PASSWORD, "{\"starts\":" + starts + "}");
            assertThat(refused.statusCode()).as(starts).isEqualTo(400);
            assertThat(refused.body()).as(starts).contains("starts");
        }
        assertThat(jdbc.sql("select count(*) from focus_block where user_id = 'claire'").query(Long.class).single()).isZero();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
