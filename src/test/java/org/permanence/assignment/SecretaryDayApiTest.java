package org.permanence.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;
import static org.permanence.TestOffice.call;

import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.permanence.RingingCalls;
import org.permanence.FreeDesks;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.calls.CallRecords;
import org.permanence.calls.HandledCall;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A secretary's day through the API: outside her working hours nothing reaches her; after an angry
 * caller she is offered a protected break, during which nothing reaches her either.
 */
@OfficeIntegrationTest
class SecretaryDayApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLUMBER_LINE = "+33556987654";
    private final String base = SharedNode.baseUrl();

    @RegisterExtension
    final FreeDesks desks = new FreeDesks("claire", "sophie");

    @Autowired
    SecretaryStatuses statuses;
    @Autowired
    SecretaryDayProperties day;
    @Autowired
    CallRecords calls;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @AfterEach
    void everyoneBackAtWork() {
        List.of("claire", "sophie").forEach(id -> {
            statuses.setHours(id, new WorkingHours(List.of()));
            statuses.set(id, Status.AVAILABLE, null);
        });
        // a calm call last, so that the policy's difficult-calls rule sees nothing of this test
        handled("claire", "calm");
    }

    @Test
    void outsideHerWorkingHoursSheIsAwayAndTheCallGoesToHerColleague() throws Exception {
        // hours on another day than today: she is off now
        String otherDay = ZonedDateTime.now(day.timeZone()).getDayOfWeek().plus(3).name();
        HttpResponse<String> set = call("PUT", base + "/api/me/working-hours", "claire", DEMO_PASSWORD,
                "{\"hours\":[{\"day\":\"" + otherDay + "\",\"starts\":\"09:00\",\"ends\":\"17:00\"}]}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(json(call("GET", base + "/api/me/working-hours", "claire", DEMO_PASSWORD, null)).at("/hours/0/day").asText())
                .isEqualTo(otherDay);

        assertThat(json(call("GET", base + "/api/me/status", "claire", DEMO_PASSWORD, null)).get("status").asText()).isEqualTo("AWAY");
        JsonNode team = json(call("GET", base + "/api/team", "sophie", DEMO_PASSWORD, null));
        assertThat(team.findValues("id").stream().map(JsonNode::asText).toList()).contains("claire");
        team.forEach(colleague -> {
            if (colleague.get("id").asText().equals("claire")) {
                assertThat(colleague.get("status").asText()).isEqualTo("AWAY");
            }
        });
        assertThat(callToHandle().getAssignee()).isEqualTo("sophie");
    }

    @Test
    void badWorkingHoursAreRefusedFieldByField() {
        HttpResponse<String> overlap = call("PUT", base + "/api/me/working-hours", "claire", DEMO_PASSWORD,
                "{\"hours\":[{\"day\":\"MONDAY\",\"starts\":\"09:00\",\"ends\":\"12:00\"},{\"day\":\"MONDAY\",\"starts\":\"11:00\",\"ends\":\"13:00\"}]}");
        assertThat(overlap.statusCode()).isEqualTo(400);
        assertThat(overlap.body()).contains("hours[1]", "overlaps");
        assertThat(call("PUT", base + "/api/me/working-hours", "claire", DEMO_PASSWORD,
                "{\"hours\":[{\"day\":\"LUNDI\",\"starts\":\"09:00\",\"ends\":\"12:00\"}]}").statusCode()).isEqualTo(400);
    }

    @Test
    void afterAnAngryCallerSheTakesAProtectedBreakAndNothingReachesHer() throws Exception {
        statuses.set("claire", Status.BREAK, 1);
        statuses.set("claire", Status.AVAILABLE, null);
        handled("claire", "calm");
        assertThat(json(call("GET", base + "/api/me/break-offer", "claire", DEMO_PASSWORD, null)).get("protectedBreak").asBoolean()).isFalse();
        HttpResponse<String> notOffered = call("POST", base + "/api/me/protected-break", "claire", DEMO_PASSWORD, "{\"minutes\":10}");
        assertThat(notOffered.statusCode()).isEqualTo(400);
        assertThat(notOffered.body()).contains("take an ordinary break");

        handled("claire", "angry");
        JsonNode offer = json(call("GET", base + "/api/me/break-offer", "claire", DEMO_PASSWORD, null));
        assertThat(offer.get("protectedBreak").asBoolean()).isTrue();
        assertThat(offer.get("minutes").toString()).isEqualTo("[5,10,15]");
        assertThat(call("POST", base + "/api/me/protected-break", "claire", DEMO_PASSWORD, "{\"minutes\":7}").body())
                .contains("one of [5, 10, 15] minutes");

        JsonNode onBreak = json(call("POST", base + "/api/me/protected-break", "claire", DEMO_PASSWORD, "{\"minutes\":10}"));
        assertThat(onBreak.get("status").asText()).isEqualTo("BREAK");
        assertThat(statuses.onProtectedBreak("claire")).isTrue();
        assertThat(call("GET", base + "/presence", "claire", DEMO_PASSWORD, null).body()).as("her status page says so").contains("(protégée)");
        assertThat(callToHandle().getAssignee()).isEqualTo("sophie");
        for (int i = 1; i < 3; i++) {
            assertThat(callToHandle().getAssignee()).as("call %s: sophie is on a call, it waits in the team queue", i).isNull();
        }
    }

    private void handled(String secretary, String mood) {
        calls.record(new HandledCall(UUID.randomUUID().toString(), null, "plomberie-leroy", PLUMBER_LINE, "0611223344",
                "M. Test", "Essai", "information", mood, null, secretary));
    }

    private Task callToHandle() {
        return RingingCalls.callToHandle(runtime, tasks, PLUMBER_LINE);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
