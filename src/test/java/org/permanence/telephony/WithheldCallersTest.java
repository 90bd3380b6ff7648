package org.permanence.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.permanence.AircallEvents;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestOffice;
import org.permanence.clients.PhoneNumbers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Callers who hide their number, and caller ids that are no number, rung through the providers'
 * webhooks as the providers send them: each is a caller of his own, recorded as Numéro masqué.
 */
@OfficeIntegrationTest
class WithheldCallersTest {

    private static final AtomicLong NEXT_CALL = new AtomicLong(System.currentTimeMillis() + 500_000_000L);
    private static final String GP_LINE = "+33 1 45 67 89 10";
    private static final String LAWYERS_LINE = "+33478123456";

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcClient jdbc;

    private final List<String> started = new ArrayList<>();

    @AfterEach
    void stopTheCalls() {
        for (String instance : started) {
            ProcessInstance running = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult();
            if (running != null) {
                runtime.deleteProcessInstance(instance, "test over", true, true);
            }
        }
    }

    @Test
    void twoAircallCallersWithoutANumberAreTwoStrangers() {
        String first = aircallCall("anonymous");
        handle(first, "M. Secret", "Résultats d'analyse de sa fille");

        String second = aircallCall("Anonymous");

        assertIsAStranger(second);
        assertThat(callerNumberFiled(first)).isNull();
        assertThat(callerNumberFiled(second)).isNull();
        // Aircall may send nothing at all in raw_digits: the call still lands, as a withheld number
        String empty = aircallCall("");
        assertIsAStranger(empty);
    }

    @Test
    void twoTwilioCallersWithoutANumberAreTwoStrangersWhateverTwilioWrites() {
        String first = twilioCall("anonymous", LAWYERS_LINE);
        handle(first, "Mme Cachée", "Son divorce");

        for (String withheld : List.of("Anonymous", "+266696687", "Restricted", "+7378742833", "Unknown")) {
            String next = twilioCall(withheld, LAWYERS_LINE);
            assertIsAStranger(next);
            assertThat(callerNumberFiled(next)).as(withheld).isNull();
        }
    }

    @Test
    void aCallerIdThatIsMarkupOrSeveralLinesIsStoredAsNoNumber() {
        for (String forged : List.of("<script>alert(1)</script>", "+33612345678\r\nX-Injected: 1", "<b>06 12 34 56 78</b>")) {
            String call = twilioCall(forged, LAWYERS_LINE);

            assertIsAStranger(call);
            assertThat(callerNumberFiled(call)).as(forged).isNull();
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(call).variableName("callerNumber")
                    .singleResult().getValue()).isEqualTo(PhoneNumbers.WITHHELD);
        }
        // a real number is still filed, normalised
        String real = twilioCall("+33 6 12 34 56 78", LAWYERS_LINE);
        assertThat(callerNumberFiled(real)).isEqualTo("+33612345678");
        assertThat(tasks.getVariables(handleCall(real).getId())).containsEntry("callerNumber", "+33612345678");
    }

    /** Its Traiter l'appel shows no one's name and no one's calls, and says the number is withheld. */
    private void assertIsAStranger(String processInstanceId) {
        Task task = handleCall(processInstanceId);
        Map<String, Object> shown = tasks.getVariables(task.getId());
        assertThat(shown).containsEntry("callerNumber", PhoneNumbers.WITHHELD).containsEntry("callerNoShows", 0)
                .doesNotContainKey("callerName");
        assertThat((String) shown.get("callerHistory")).startsWith("Numéro masqué").doesNotContain("M. Secret", "Mme Cachée");
    }

    /** The secretary takes the call and notes it; the office records it. */
    private void handle(String processInstanceId, String callerName, String reason) {
        Map<String, Object> noted = new LinkedHashMap<>();
        noted.put("callerName", callerName);
        noted.put("reason", reason);
        noted.put("category", "message");
        noted.put("mood", "calm");
        tasks.complete(handleCall(processInstanceId).getId(), noted);
        // a message ends the call once recorded and passed on; deleting it while a worker completes a task fails both
        await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).finished().count() == 1);
        assertThat(jdbc.sql("select count(*) from call where process_instance_id = ? and recorded_at is not null")
                .param(processInstanceId).query(Long.class).single()).isEqualTo(1);
    }

    private Task handleCall(String processInstanceId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey("HandleCall").singleResult(), task -> task != null);
    }

    private String callerNumberFiled(String processInstanceId) {
        List<String> filed = jdbc.sql("select caller_number from call where process_instance_id = ?").param(processInstanceId)
                .query((rs, row) -> rs.getString(1)).list();
        assertThat(filed).hasSize(1);
        return filed.get(0);
    }

    private String aircallCall(String rawDigits) {
        String id = String.valueOf(NEXT_CALL.incrementAndGet());
        HttpResponse<String> response = TestOffice.post(SharedNode.baseUrl() + "/webhooks/aircall", "application/json",
                AircallEvents.callCreated(TestOffice.AIRCALL_TOKEN, id, GP_LINE, rawDigits));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return startedFor("aircall:" + id);
    }

    private String twilioCall(String from, String to) {
        String sid = "CA" + String.format("%032x", NEXT_CALL.incrementAndGet());
        Map<String, String> callback = new LinkedHashMap<>();
        callback.put("CallSid", sid);
        callback.put("CallStatus", "ringing");
        callback.put("Direction", "inbound");
        callback.put("From", from);
        callback.put("Caller", from);
        callback.put("To", to);
        String url = SharedNode.baseUrl() + "/webhooks/twilio/voice";
        String body = callback.entrySet().stream()
                .map(p -> URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = TestOffice.post(url, "application/x-www-form-urlencoded", body,
                TwilioWebhook.SIGNATURE_HEADER, TwilioSignature.of(TestOffice.TWILIO_AUTH_TOKEN, url, callback));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return startedFor("twilio:" + sid);
    }

    private String startedFor(String businessKey) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
        started.add(instance);
        return instance;
    }
}
