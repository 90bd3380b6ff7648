package org.permanence.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.telephony.DeliveredCalls.outcome;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestOffice;

/** Twilio's voice status callbacks, form-encoded and signed as Twilio does, against the running node. */
@OfficeIntegrationTest
class TwilioWebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong NEXT_CALL = new AtomicLong(System.currentTimeMillis());
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String LAWYERS_LINE = "+33478123456";
    private final String webhook = SharedNode.baseUrl() + "/webhooks/twilio/voice";

    @RegisterExtension
    final DeliveredCalls delivered = new DeliveredCalls(TwilioWebhook.PROVIDER);

    @Test
    void aCallbackDeliveredThreeTimesStartsOneProcessAndLaterOnesMoveItsStatus() throws Exception {
        String sid = newCallSid();
        Map<String, String> ringing = callback(sid, "ringing", LAWYERS_LINE);

        List<String> outcomes = List.of(outcome(sendSigned(webhook, ringing)), outcome(sendSigned(webhook, ringing)),
                outcome(sendSigned(webhook, ringing)));
        Map<String, String> answered = callback(sid, "in-progress", LAWYERS_LINE);
        assertThat(outcome(sendSigned(webhook, answered))).isEqualTo("already-received");

        assertThat(outcomes).containsExactly("started", "already-received", "already-received");
        List<HistoricProcessInstance> instances = delivered.processesOf(sid);
        assertThat(instances).hasSize(1);
        assertThat(instances.get(0).getTenantId()).isEqualTo("durand-avocats");
        assertThat(delivered.startVariables(instances.get(0).getId())).containsEntry("dialledNumber", LAWYERS_LINE)
                .containsEntry("callerNumber", "+33611223344").containsEntry("provider", "twilio").containsEntry("providerCallId", sid);
        assertThat(delivered.filed(sid, "status")).isEqualTo("ANSWERED");
    }

    @Test
    void onlyTheBodysParametersAreSignedTheQueryStringBelongsToTheUrl() throws Exception {
        String sid = newCallSid();
        String url = webhook + "?office=lyon&leg=1";

        assertThat(outcome(sendSigned(url, callback(sid, "ringing", LAWYERS_LINE)))).isEqualTo("started");

        assertThat(delivered.processesOf(sid)).hasSize(1);
    }

    /** Twilio signs some callbacks with the query string encoded the legacy way: the callback is still Twilio's. */
    @Test
    void aCallbackSignedWithTheLegacyQueryEncodingIsAccepted() throws Exception {
        String sid = newCallSid();
        Map<String, String> ringing = callback(sid, "ringing", LAWYERS_LINE);
        String asSent = webhook + "?office=Saint+%C3%89tienne";

        HttpResponse<String> response = TestOffice.post(asSent, FORM, form(ringing), TwilioWebhook.SIGNATURE_HEADER,
                TwilioSignature.of(TestOffice.TWILIO_AUTH_TOKEN, webhook + "?office=Saint%20%C3%89tienne", ringing));

        assertThat(outcome(response)).isEqualTo("started");
        assertThat(delivered.processesOf(sid)).hasSize(1);
    }

    @Test
    void aSignatureOfAnotherQueryIsStillRefused() {
        String sid = newCallSid();
        Map<String, String> ringing = callback(sid, "ringing", LAWYERS_LINE);

        HttpResponse<String> response = TestOffice.post(webhook + "?office=Saint+%C3%89tienne", FORM, form(ringing),
                TwilioWebhook.SIGNATURE_HEADER, TwilioSignature.of(TestOffice.TWILIO_AUTH_TOKEN, webhook + "?office=Lyon", ringing));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(delivered.processesOf(sid)).isEmpty();
    }

    @Test
    void simultaneousDeliveriesOfOneCallStartOneProcess() throws Exception {
        String sid = newCallSid();
        Map<String, String> ringing = callback(sid, "ringing", LAWYERS_LINE);

        List<HttpResponse<String>> responses = DeliveredCalls.atOnce(6, () -> sendSigned(webhook, ringing));

        assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).as(response.body()).isEqualTo(200));
        assertThat(responses.stream().map(DeliveredCalls::outcome).filter("started"::equals)).hasSize(1);
        assertThat(delivered.processesOf(sid)).hasSize(1);
    }

    @Test
    void aCallOnAnUnknownLineLandsInTheManagersQueue() throws Exception {
        String sid = newCallSid();

        assertThat(outcome(sendSigned(webhook, callback(sid, "ringing", "+33999999999")))).isEqualTo("started");

        assertThat(delivered.processesOf(sid)).singleElement().satisfies(call -> assertThat(call.getTenantId()).isNull());
        assertThat(delivered.candidateGroupsOf(delivered.awaitHandleCall(sid))).containsExactly("managers");
    }

    @Test
    void aSignatureMadeWithAnotherTokenIsRefusedAndStartsNothing() {
        String sid = newCallSid();
        Map<String, String> ringing = callback(sid, "ringing", LAWYERS_LINE);

        HttpResponse<String> response = TestOffice.post(webhook, FORM, form(ringing),
                TwilioWebhook.SIGNATURE_HEADER, TwilioSignature.of("twilio-Token-0", webhook, ringing));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("does not match");
        assertThat(delivered.processesOf(sid)).isEmpty();
    }

    @Test
    void aParameterChangedAfterSigningIsRefused() {
        String sid = newCallSid();
        Map<String, String> ringing = callback(sid, "ringing", LAWYERS_LINE);
        String signature = TwilioSignature.of(TestOffice.TWILIO_AUTH_TOKEN, webhook, ringing);
        ringing.put("From", "+33700000000");

        HttpResponse<String> response = TestOffice.post(webhook, FORM, form(ringing), TwilioWebhook.SIGNATURE_HEADER, signature);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(delivered.processesOf(sid)).isEmpty();
    }

    @Test
    void aCallbackWithoutSignatureIsRefusedAndStartsNothing() {
        String sid = newCallSid();

        HttpResponse<String> response = TestOffice.post(webhook, FORM, form(callback(sid, "ringing", LAWYERS_LINE)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("No X-Twilio-Signature");
        assertThat(delivered.processesOf(sid)).isEmpty();
    }

    @Test
    void aSignedCallbackWithoutCallSidOrNumbersIsRefusedNamingThem() throws Exception {
        Map<String, String> incomplete = callback(newCallSid(), "ringing", LAWYERS_LINE);
        incomplete.remove("CallSid");
        incomplete.remove("To");

        HttpResponse<String> response = sendSigned(webhook, incomplete);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).findValuesAsText("field")).containsExactly("CallSid", "To");
    }

    @Test
    void anOversizedBodyIsRefusedAndStartsNothing() {
        String sid = newCallSid();
        Map<String, String> padded = callback(sid, "ringing", LAWYERS_LINE);
        padded.put("CallerName", "x".repeat(70_000));

        HttpResponse<String> response = sendSigned(webhook, padded);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(delivered.processesOf(sid)).isEmpty();
    }

    private static HttpResponse<String> sendSigned(String url, Map<String, String> parameters) {
        return TestOffice.post(url, FORM, form(parameters),
                TwilioWebhook.SIGNATURE_HEADER, TwilioSignature.of(TestOffice.TWILIO_AUTH_TOKEN, url, parameters));
    }

    /** Twilio's call SIDs: CA and 32 hexadecimal digits. */
    private static String newCallSid() {
        return "CA" + String.format("%032x", NEXT_CALL.incrementAndGet());
    }

    /** The parameters of a voice status callback, as Twilio's documentation lists them. */
    private static Map<String, String> callback(String callSid, String callStatus, String to) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
        parameters.put("ApiVersion", "2010-04-01");
        parameters.put("CallSid", callSid);
        parameters.put("CallStatus", callStatus);
        parameters.put("CallbackSource", "call-progress-events");
        parameters.put("Called", to);
        parameters.put("Caller", "+33611223344");
        parameters.put("CallerCountry", "FR");
        parameters.put("Direction", "inbound");
        parameters.put("From", "+33611223344");
        parameters.put("SequenceNumber", "0");
        parameters.put("Timestamp", "Thu, 02 Jan 2025 10:00:00 +0000");
        parameters.put("To", to);
        return parameters;
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(p -> URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
