package org.permanence.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.permanence.TestOffice.DEMO_PASSWORD;
import static org.permanence.TestOffice.call;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

/** Calls are kept once however often they are recorded, and searched only by those who may see them. */
@OfficeIntegrationTest
class CallRecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Each test has callers of its own, so searches by caller see only its calls (also on a database kept between runs). */
    private static final AtomicInteger NEXT_CALLER = new AtomicInteger((int) Math.floorMod(System.currentTimeMillis(), 40_000_000L));
    private static final String GP = "cabinet-martin";
    private static final String LAWYER = "durand-avocats";
    private final String calls = SharedNode.baseUrl() + "/api/calls";

    @Autowired
    CallRecords records;

    @Test
    void recordingTheSameProcessInstanceAgainRewritesItsOneCall() {
        String caller = newCaller();
        String processInstanceId = UUID.randomUUID().toString();

        records.record(handled(processInstanceId, GP, caller, "Renouvellement d'ordonnance"));
        records.record(handled(processInstanceId, GP, caller, "Renouvellement d'ordonnance, rappeler avant midi"));

        List<Call> kept = records.lastCallsOf(GP, caller, 10);
        assertThat(kept).singleElement().satisfies(call -> {
            assertThat(call.processInstanceId()).isEqualTo(processInstanceId);
            assertThat(call.reason()).isEqualTo("Renouvellement d'ordonnance, rappeler avant midi");
            assertThat(call.provider()).isNull();
            assertThat(call.status()).isEqualTo(CallStatus.ANSWERED);
            assertThat(call.recordedAt()).isNotNull();
        });
    }

    @Test
    void aCallFiledByAWebhookIsRecordedOnItsOwnRow() {
        String caller = newCaller();
        IncomingCall incoming = new IncomingCall("aircall", "rec-" + caller, "01 45 67 89 10", caller, CallStatus.RINGING);
        String processInstanceId = UUID.randomUUID().toString();
        records.linkProcess(records.register(incoming, GP), processInstanceId);

        records.record(handled(processInstanceId, GP, caller, "Demande de rendez-vous"));

        assertThat(records.lastCallsOf(GP, caller, 10)).singleElement().satisfies(call -> {
            assertThat(call.businessKey()).isEqualTo("aircall:rec-" + caller);
            assertThat(call.dialledNumber()).isEqualTo("+33145678910");
            assertThat(call.reason()).isEqualTo("Demande de rendez-vous");
        });
        assertThatThrownBy(() -> records.register(incoming, GP)).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aCallsStatusOnlyMovesForward() {
        String caller = newCaller();
        records.register(new IncomingCall("twilio", "CA-" + caller, "01 45 67 89 10", caller, CallStatus.RINGING), GP);

        assertThat(records.progress("twilio", "CA-" + caller, CallStatus.ENDED)).isTrue();
        assertThat(records.progress("twilio", "CA-" + caller, CallStatus.ANSWERED)).isFalse();

        assertThat(records.lastCallsOf(GP, caller, 1).get(0).status()).isEqualTo(CallStatus.ENDED);
    }

    @Test
    void aCallersLastCallsComeNewestFirstWrittenAnyWay() throws Exception {
        String caller = newCaller();
        for (String reason : List.of("premier", "deuxième", "troisième")) {
            records.record(handled(UUID.randomUUID().toString(), GP, caller, reason));
            // received_at orders them: one millisecond apart at least
            Thread.sleep(5);
        }

        String writtenTheFrenchWay = "0" + caller.substring(3);
        assertThat(records.lastCallsOf(GP, writtenTheFrenchWay, 2)).extracting(Call::reason).containsExactly("troisième", "deuxième");
        assertThat(records.lastCallsOf(LAWYER, caller, 2)).isEmpty();
    }

    @Test
    void aSecretarySearchesOnlyTheCallsOfTheClientsSheServes() throws Exception {
        String caller = newCaller();
        records.record(handled(UUID.randomUUID().toString(), GP, caller, "pour le docteur"));
        records.record(handled(UUID.randomUUID().toString(), LAWYER, caller, "pour l'avocat"));
        records.record(handled(UUID.randomUUID().toString(), null, caller, "ligne inconnue"));

        // claire serves the GP and the plumber; sophie the lawyer and the plumber; nadia manages
        assertThat(reasons("claire", "?caller=" + caller)).containsExactly("pour le docteur");
        assertThat(reasons("sophie", "?caller=" + caller)).containsExactly("pour l'avocat");
        assertThat(reasons("nadia", "?caller=" + caller)).containsExactlyInAnyOrder("pour le docteur", "pour l'avocat", "ligne inconnue");
        assertThat(reasons("nadia", "?client=" + LAWYER + "&caller=" + caller)).containsExactly("pour l'avocat");
        HttpResponse<String> notHers = call("GET", calls + "?client=" + LAWYER, "claire", DEMO_PASSWORD, null);
        assertThat(notHers.statusCode()).isEqualTo(404);
        assertThat(call("GET", calls, null, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void searchesArePagedTwentyAtATime() throws Exception {
        String caller = newCaller();
        for (int i = 0; i < CallRecords.PAGE_SIZE + 1; i++) {
            records.record(handled(UUID.randomUUID().toString(), GP, caller, "appel " + i));
        }

        JsonNode first = search("claire", "?client=" + GP + "&caller=" + caller);
        JsonNode second = search("claire", "?client=" + GP + "&caller=" + caller + "&page=1");

        assertThat(first.get("total").asLong()).isEqualTo(CallRecords.PAGE_SIZE + 1);
        assertThat(first.get("calls")).hasSize(CallRecords.PAGE_SIZE);
        assertThat(second.get("calls")).hasSize(1);
    }

    @Test
    void aCallerThatIsNoPhoneNumberIsRefusedNamingTheField() throws Exception {
        HttpResponse<String> refused = call("GET", calls + "?caller=nobody", "claire", DEMO_PASSWORD, null);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).at("/errors/0/field").asText()).isEqualTo("caller");
    }

    private List<String> reasons(String user, String query) throws Exception {
        return search(user, query).get("calls").findValuesAsText("reason");
    }

    private JsonNode search(String user, String query) throws Exception {
        HttpResponse<String> found = call("GET", calls + query.replace("+", "%2B"), user, DEMO_PASSWORD, null);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        return JSON.readTree(found.body());
    }

    private static HandledCall handled(String processInstanceId, String clientId, String caller, String reason) {
        return new HandledCall(processInstanceId, null, clientId, "01 45 67 89 10", caller, "M. Dupont", reason, "message", "calm", null, null);
    }

    /** A French mobile number no other test uses, in E.164. */
    private static String newCaller() {
        return String.format("+336%08d", 50_000_000 + NEXT_CALLER.incrementAndGet());
    }
}
