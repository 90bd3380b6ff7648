package org.permanence.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestClients;
import org.permanence.TestOffice;
import org.permanence.calls.CallRecords;
import org.permanence.calls.HandledCall;
import org.permanence.clients.Client;
import org.permanence.clients.Clients;
import org.permanence.people.Groups;
import org.permanence.people.engine.OfficeIdentity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After a difficult call, one free colleague's header asks her to check in; dismissed, it is gone for everyone. Three
 * secretaries of their own, sharing only a client of their own, so that the demo team's headers stay quiet.
 */
@OfficeIntegrationTest
class CheckInNudgeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NEXT = new AtomicInteger();

    @Autowired
    OfficeIdentity office;
    @Autowired
    Clients clients;
    @Autowired
    CallRecords calls;
    @Autowired
    SecretaryStatuses statuses;
    @Autowired
    JdbcClient jdbc;

    private final List<String> recorded = new ArrayList<>();

    @AfterEach
    void forgetTheCalls() {
        recorded.forEach(call -> jdbc.sql("delete from call where process_instance_id = ?").param(call).update());
    }

    @Test
    void oneFreeColleagueIsNudgedUntilSheDismissesIt() throws Exception {
        String run = Integer.toString(Math.floorMod(System.nanoTime(), 1_000_000), 36) + NEXT.incrementAndGet();
        String her = "ci-a-" + run;
        String first = "ci-b-" + run;
        String second = "ci-c-" + run;
        for (String id : List.of(her, first, second)) {
            office.user(id, "Check", id, null, DEMO_PASSWORD, List.of(Groups.SECRETARIES));
        }
        Client client = clients.create(TestClients.client("check-in", "fr", Client.MessageDelivery.IMMEDIATELY, null), List.of(her, first, second));

        handled(client, her, "calm");
        assertThat(nudgeOf(first).isNull()).as("a calm call").isTrue();

        String difficult = handled(client, her, "distressed");
        JsonNode nudge = nudgeOf(first);
        assertThat(nudge.get("colleague").asText()).isEqualTo(her);
        assertThat(nudge.get("name").asText()).isEqualTo("Check " + her);
        assertThat(nudgeOf(second).isNull()).as("one colleague, not the whole team").isTrue();
        assertThat(nudgeOf(her).isNull()).as("not herself").isTrue();
        assertThat(nudgeOf("claire").isNull()).as("not someone who shares no client with her").isTrue();

        statuses.set(first, Status.BREAK, 15);
        assertThat(nudgeOf(second).get("colleague").asText()).as("the first is on a break: the next free one").isEqualTo(her);
        assertThat(dismiss(first, nudgeOf(second).get("call").asText())).as("only the nudge she is shown").isEqualTo(404);
        assertThat(dismiss(second, nudgeOf(second).get("call").asText())).isEqualTo(204);

        statuses.set(first, Status.AVAILABLE, null);
        assertThat(nudgeOf(second).isNull()).isTrue();
        assertThat(nudgeOf(first).isNull()).as("dismissed is gone for everyone").isTrue();
        assertThat(jdbc.sql("select count(*) from check_in_dismissal d join call c on c.id = d.call_id where c.process_instance_id = ?")
                .param(difficult).query(Integer.class).single()).isEqualTo(1);
    }

    /** A call she handled just now, in that mood; returns its process instance id. */
    private String handled(Client client, String secretary, String mood) {
        String instance = "check-in-" + UUID.randomUUID();
        calls.record(new HandledCall(instance, null, client.id(), client.phoneLines().get(0).number(), "0611223344", "M. Test",
                "Réclamation", "message", mood, null, secretary));
        recorded.add(instance);
        return instance;
    }

    private static JsonNode nudgeOf(String user) throws Exception {
        var answer = TestOffice.call("GET", SharedNode.baseUrl() + "/api/me/check-in", user, DEMO_PASSWORD, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).get("nudge");
    }

    private static int dismiss(String user, String call) {
        return TestOffice.call("POST", SharedNode.baseUrl() + "/api/me/check-in/dismissals", user, DEMO_PASSWORD, "{\"call\":\"" + call + "\"}")
                .statusCode();
    }
}
