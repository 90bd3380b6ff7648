package org.permanence.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.telephony.DeliveredCalls.outcome;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestOffice;

/** Aircall's events, shaped as Aircall sends them, against the running node. */
@OfficeIntegrationTest
class AircallWebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Aircall's call ids are numbers; each test takes new ones, also on a database kept between runs. */
    private static final AtomicLong NEXT_CALL = new AtomicLong(System.currentTimeMillis());
    private static final String GP_LINE = "+33 1 45 67 89 10";
    private final String webhook = SharedNode.baseUrl() + "/webhooks/aircall";

    @RegisterExtension
    final DeliveredCalls delivered = new DeliveredCalls(AircallWebhook.PROVIDER);

    @Test
    void aCallDeliveredThreeTimesStartsOneProcessForTheClientWhoseLineRang() throws Exception {
        String id = nextCallId();
        String created = event("call.created", TestOffice.AIRCALL_TOKEN, id, "inbound", GP_LINE);

        List<String> outcomes = List.of(outcome(send(created)), outcome(send(created)), outcome(send(created)));

        assertThat(outcomes).containsExactly("started", "already-received", "already-received");
        List<HistoricProcessInstance> instances = delivered.processesOf(id);
        assertThat(instances).hasSize(1);
        assertThat(instances.get(0).getTenantId()).isEqualTo("cabinet-martin");
        assertThat(delivered.startVariables(instances.get(0).getId())).containsEntry("dialledNumber", GP_LINE)
                .containsEntry("callerNumber", "+33612345678").containsEntry("provider", "aircall")
                .containsEntry("providerCallId", id);
        assertThat(delivered.filed(id, "process_instance_id")).isEqualTo(instances.get(0).getId());
        assertThat(delivered.filed(id, "client_id")).isEqualTo("cabinet-martin");
    }

    @Test
    void answeredAndEndedAreRecordedOnTheCallAndStartNothing() throws Exception {
        String id = nextCallId();
        send(event("call.created", TestOffice.AIRCALL_TOKEN, id, "inbound", GP_LINE));

        assertThat(outcome(send(event("call.answered", TestOffice.AIRCALL_TOKEN, id, "inbound", GP_LINE)))).isEqualTo("status-recorded");
        assertThat(delivered.filed(id, "status")).isEqualTo("ANSWERED");
        assertThat(outcome(send(event("call.ended", TestOffice.AIRCALL_TOKEN, id, "inbound", GP_LINE)))).isEqualTo("status-recorded");
        // delivered again, late: the call stays ended
        assertThat(outcome(send(event("call.answered", TestOffice.AIRCALL_TOKEN, id, "inbound", GP_LINE)))).isEqualTo("unchanged");

        assertThat(delivered.filed(id, "status")).isEqualTo("ENDED");
        assertThat(delivered.processesOf(id)).hasSize(1);
    }

    /** Aircall does not promise the order of its events: an ended call announced late is still one call, and ended. */
    @Test
    void eventsInAnyOrderMakeOneCallWithItsLastStatus() throws Exception {
        String endedFirst = nextCallId();
        assertThat(outcome(send(event("call.ended", TestOffice.AIRCALL_TOKEN, endedFirst, "inbound", GP_LINE)))).isEqualTo("started");
        assertThat(outcome(send(event("call.created", TestOffice.AIRCALL_TOKEN, endedFirst, "inbound", GP_LINE)))).isEqualTo("already-received");
        assertThat(outcome(send(event("call.answered", TestOffice.AIRCALL_TOKEN, endedFirst, "inbound", GP_LINE)))).isEqualTo("unchanged");

        assertThat(delivered.filed(endedFirst, "status")).isEqualTo("ENDED");
        assertThat(delivered.processesOf(endedFirst)).hasSize(1);
        assertThat(delivered.filed(endedFirst, "client_id")).isEqualTo("cabinet-martin");
        assertThat(delivered.awaitHandleCall(endedFirst).getTenantId()).isEqualTo("cabinet-martin");

        // answered, then ended, then created: the same single call, ended
        String createdLast = nextCallId();
        assertThat(outcome(send(event("call.answered", TestOffice.AIRCALL_TOKEN, createdLast, "inbound", GP_LINE)))).isEqualTo("started");
        assertThat(outcome(send(event("call.ended", TestOffice.AIRCALL_TOKEN, createdLast, "inbound", GP_LINE)))).isEqualTo("status-recorded");
        assertThat(outcome(send(event("call.created", TestOffice.AIRCALL_TOKEN, createdLast, "inbound", GP_LINE)))).isEqualTo("already-received");
        assertThat(delivered.filed(createdLast, "status")).isEqualTo("ENDED");
        assertThat(delivered.processesOf(createdLast)).hasSize(1);
    }

    @Test
    void allOfOneCallsEventsAtOnceMakeOneCallAndOneProcess() throws Exception {
        String id = nextCallId();
        List<String> events = List.of(event("call.ended", TestOffice.AIRCALL_TOKEN, id, "inbound", GP_LINE),
                event("call.created", TestOffice.AIRCALL_TOKEN, id, "inbound", GP_LINE),
                event("call.answered", TestOffice.AIRCALL_TOKEN, id, "inbound", GP_LINE));
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

        List<HttpResponse<String>> responses = DeliveredCalls.atOnce(6, () -> send(events.get(next.getAndIncrement() % 3)));

        assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).as(response.body()).isEqualTo(200));
        assertThat(responses.stream().map(DeliveredCalls::outcome).filter("started"::equals)).hasSize(1);
        assertThat(delivered.processesOf(id)).hasSize(1);
        assertThat(delivered.filed(id, "status")).isEqualTo("ENDED");
    }

    @Test
    void newsOfAnOutboundCallStartsNothing() throws Exception {
        String id = nextCallId();

        assertThat(outcome(send(event("call.ended", TestOffice.AIRCALL_TOKEN, id, "outbound", GP_LINE)))).isEqualTo("ignored");

        assertThat(delivered.processesOf(id)).isEmpty();
    }

    @Test
    void simultaneousDeliveriesOfOneCallStartOneProcess() throws Exception {
        String id = nextCallId();
        String created = event("call.created", TestOffice.AIRCALL_TOKEN, id, "inbound", GP_LINE);

        List<HttpResponse<String>> responses = DeliveredCalls.atOnce(6, () -> send(created));

        assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).as(response.body()).isEqualTo(200));
        assertThat(responses.stream().map(DeliveredCalls::outcome).filter("started"::equals)).hasSize(1);
        assertThat(delivered.processesOf(id)).hasSize(1);
    }

    @Test
    void aCallOnAnUnknownLineLandsInTheManagersQueue() throws Exception {
        String id = nextCallId();

        HttpResponse<String> response = send(event("call.created", TestOffice.AIRCALL_TOKEN, id, "inbound", "+33 9 99 99 99 99"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(delivered.processesOf(id)).singleElement().satisfies(call -> assertThat(call.getTenantId()).isNull());
        Task handleCall = delivered.awaitHandleCall(id);
        assertThat(handleCall.getTenantId()).isNull();
        assertThat(delivered.candidateGroupsOf(handleCall)).containsExactly("managers");
        assertThat(delivered.filed(id, "client_id")).isNull();
    }

    @Test
    void anOutboundCallStartsNothing() throws Exception {
        String id = nextCallId();

        assertThat(outcome(send(event("call.created", TestOffice.AIRCALL_TOKEN, id, "outbound", GP_LINE)))).isEqualTo("ignored");

        assertThat(delivered.processesOf(id)).isEmpty();
    }

    @Test
    void aStaleTokenIsForbiddenAndStartsNothing() {
        String id = nextCallId();

        HttpResponse<String> response = send(event("call.created", "aircall-Token-0", id, "inbound", GP_LINE));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("not this office's Aircall webhook token").doesNotContain(TestOffice.AIRCALL_TOKEN);
        assertThat(delivered.processesOf(id)).isEmpty();
    }

    @Test
    void anEventWithoutTokenIsUnauthorizedAndStartsNothing() {
        String id = nextCallId();

        HttpResponse<String> response = send(event("call.created", TestOffice.AIRCALL_TOKEN, id, "inbound", GP_LINE)
                .replace("\"token\": \"" + TestOffice.AIRCALL_TOKEN + "\",", ""));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(delivered.processesOf(id)).isEmpty();
    }

    @Test
    void malformedJsonIsRefusedWithTheReason() {
        String id = nextCallId();
        String created = event("call.created", TestOffice.AIRCALL_TOKEN, id, "inbound", GP_LINE);

        HttpResponse<String> response = send(created.substring(0, created.length() / 2));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
        assertThat(response.body()).contains("not an Aircall event in JSON").contains("end-of-input").doesNotContain("at [Source");
        assertThat(delivered.processesOf(id)).isEmpty();
    }

    @Test
    void aCallWithoutTheLineThatRangIsRefusedNamingTheField() throws Exception {
        String id = nextCallId();
        // no raw_digits is a withheld caller (see WithheldCallersTest); no line is no call of ours
        String created = event("call.created", TestOffice.AIRCALL_TOKEN, id, "inbound", GP_LINE)
                .replace("\"raw_digits\": \"+33 6 12 34 56 78\",", "").replace("\"digits\": \"" + GP_LINE + "\",", "");

        HttpResponse<String> response = send(created);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).findValuesAsText("field")).containsExactly("data.number.digits");
        assertThat(delivered.processesOf(id)).isEmpty();
    }

    @Test
    void anOversizedBodyIsRefusedAndStartsNothing() {
        String id = nextCallId();
        String created = event("call.created", TestOffice.AIRCALL_TOKEN, id, "inbound", GP_LINE)
                .replace("\"comments\": []", "\"comments\": [\"" + "x".repeat(70_000) + "\"]");

        HttpResponse<String> response = send(created);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("65536 bytes at most");
        assertThat(delivered.processesOf(id)).isEmpty();
    }

    private static String nextCallId() {
        return String.valueOf(NEXT_CALL.incrementAndGet());
    }

    private HttpResponse<String> send(String event) {
        return TestOffice.post(webhook, "application/json", event);
    }

    /** An event as Aircall's documentation shows it, trimmed of the user, contact and team details. */
    private static String event(String event, String token, String callId, String direction, String dialledLine) {
        return """
                {
                  "resource": "call",
                  "event": "%s",
                  "timestamp": 1735812000,
                  "token": "%s",
                  "data": {
                    "id": %s,
                    "direct_link": "https://api.aircall.io/v1/calls/%3$s",
                    "started_at": 1735811998,
                    "answered_at": null,
                    "ended_at": null,
                    "duration": 0,
                    "status": "initial",
                    "direction": "%s",
                    "raw_digits": "+33 6 12 34 56 78",
                    "asset": null,
                    "recording": null,
                    "voicemail": null,
                    "archived": false,
                    "missed_call_reason": null,
                    "number": {
                      "id": 4521,
                      "direct_link": "https://api.aircall.io/v1/numbers/4521",
                      "name": "Standard",
                      "digits": "%s",
                      "country": "FR",
                      "time_zone": "Europe/Paris",
                      "open": true
                    },
                    "user": null,
                    "contact": null,
                    "assigned_to": null,
                    "teams": [],
                    "comments": [],
                    "tags": []
                  }
                }""".formatted(event, token, callId, direction, dialledLine);
    }
}
