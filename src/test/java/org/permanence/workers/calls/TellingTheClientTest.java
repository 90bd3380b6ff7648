package org.permanence.workers.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.Eventually.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.TestClients;
import org.permanence.TestMail;
import org.permanence.calls.CallRecords;
import org.permanence.calls.CallStatus;
import org.permanence.calls.IncomingCall;
import org.permanence.clients.Client;
import org.permanence.clients.Client.MessageDelivery;
import org.permanence.clients.Clients;
import org.permanence.mail.MailFolder;
import org.permanence.mail.StoredMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A call through call-intake.bpmn on the shared node, its workers running: once the secretary has
 * handled it, the client is told as its contact rules say.
 */
@OfficeIntegrationTest
class TellingTheClientTest {

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    Clients clients;
    @Autowired
    MailFolder folder;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CallRecords calls;

    @Test
    void aMessageForAClientThatWantsItNowArrivesInItsMailbox() {
        Client client = clients.store(TestClients.client("direct", "fr", MessageDelivery.IMMEDIATELY, null));

        String call = handle(client, "message", "annoyed", "Renouvellement d'ordonnance");

        await("the call to end", () -> history.createHistoricProcessInstanceQuery().processInstanceId(call).finished().count() == 1);
        StoredMail mail = TestMail.to(folder, client.contactRules().email()).get(0);
        assertThat(mail.subject()).isEqualTo("Message de Mme Lefèvre : Renouvellement d'ordonnance");
        assertThat(mail.text()).contains("Mme Lefèvre a appelé le", "Numéro : +33 6 12 34 56 78", "Humeur : agacement",
                "Notes : Rappeler après 17 h");
        assertThat(mail.clientId()).contains(client.id());
    }

    @Test
    void aMessageForAClientThatWantsADailySummaryWaitsForIt() {
        LocalTime farFromNow = LocalTime.now(ZoneId.of("Europe/Paris")).plusHours(12);
        Client client = clients.store(TestClients.client("differe", "fr", MessageDelivery.DAILY_SUMMARY, farFromNow));

        String call = handle(client, "message", "calm", "Demande de devis");

        await("the call to end", () -> history.createHistoricProcessInstanceQuery().processInstanceId(call).finished().count() == 1);
        assertThat(jdbc.sql("select reason from summary_message where process_instance_id = ?").param(call).query(String.class).list())
                .containsExactly("Demande de devis");
        assertThat(TestMail.to(folder, client.contactRules().email())).isEmpty();
    }

    @Test
    void anUrgentCallReachesTheUrgentContactAtOnceThenTheSecretaryConfirms() {
        Client client = clients.store(TestClients.client("urgence", "en", MessageDelivery.DAILY_SUMMARY, LocalTime.of(3, 0)));

        String call = handle(client, "urgent", "distressed", "Gas smell in the basement");

        await("the urgent mail", () -> !TestMail.to(folder, client.contactRules().urgentEmail()).isEmpty());
        StoredMail mail = TestMail.to(folder, client.contactRules().urgentEmail()).get(0);
        assertThat(mail.subject()).isEqualTo("URGENT: Mme Lefèvre – Gas smell in the basement");
        assertThat(mail.text()).contains("Urgent call for " + client.name(), "Mood: distressed");
        await("the confirmation task", () -> task(call, "ConfirmClientReached") != null);
        // the secretary reaches the client: the call ends and leaves no task in the other tests' queues
        tasks.complete(task(call, "ConfirmClientReached").getId(), Map.of("clientReached", true, "reachedWho", "Mr Leroy"));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(call).finished().count()).isEqualTo(1);
    }

    @Test
    void theClientIsToldWhenTheCallRangNotWhenTheSecretaryRecordedIt() {
        Client client = clients.store(TestClients.client("sonnerie", "fr", MessageDelivery.IMMEDIATELY, null));
        Instant rang = Instant.now().minus(Duration.ofMinutes(6)).truncatedTo(ChronoUnit.MINUTES);

        String call = handleRungCall(client, rang, "message", "Résultats d'analyse");

        await("the message", () -> !TestMail.to(folder, client.contactRules().email()).isEmpty());
        String rangOnTheClientsClock = DateTimeFormatter.ofPattern("HH:mm").format(rang.atZone(ZoneId.of("Europe/Paris")));
        assertThat(TestMail.to(folder, client.contactRules().email()).get(0).text())
                .contains("Mme Lefèvre a appelé le", " à " + rangOnTheClientsClock + ".");
        await("the call to end", () -> history.createHistoricProcessInstanceQuery().processInstanceId(call).finished().count() == 1);
    }

    @Test
    void aCallNotedByHandRangWhenItWasNotedNotWhenItWasRecorded() {
        Client client = clients.store(TestClients.client("note-main", "fr", MessageDelivery.IMMEDIATELY, null));
        Instant noted = Instant.now().minus(Duration.ofMinutes(6)).truncatedTo(ChronoUnit.MINUTES);
        String call = start(client);
        // the case was identified as it was noted: set back as if the secretary then spent six minutes on the call
        assertThat(runtime.getVariable(call, "rangAt")).as("identified when noted").isNotNull();
        runtime.setVariable(call, "rangAt", Date.from(noted));

        complete(call, "message", "calm", "Question sur une facture");

        await("the message", () -> !TestMail.to(folder, client.contactRules().email()).isEmpty());
        assertThat(TestMail.to(folder, client.contactRules().email()).get(0).text())
                .contains(" à " + DateTimeFormatter.ofPattern("HH:mm").format(noted.atZone(ZoneId.of("Europe/Paris"))) + ".");
        assertThat(jdbc.sql("select received_at from call where process_instance_id = ?").param(call)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).single()).isEqualTo(noted);
        await("the call to end", () -> history.createHistoricProcessInstanceQuery().processInstanceId(call).finished().count() == 1);
    }

    @Test
    void theDailySummaryKeepsWhenTheCallRang() {
        LocalTime farFromNow = LocalTime.now(ZoneId.of("Europe/Paris")).plusHours(12);
        Client client = clients.store(TestClients.client("sonnerie-differe", "fr", MessageDelivery.DAILY_SUMMARY, farFromNow));
        Instant rang = Instant.now().minus(Duration.ofMinutes(6)).truncatedTo(ChronoUnit.MINUTES);

        String call = handleRungCall(client, rang, "message", "Demande de rappel");

        await("the call to end", () -> history.createHistoricProcessInstanceQuery().processInstanceId(call).finished().count() == 1);
        assertThat(jdbc.sql("select received_at from summary_message where process_instance_id = ?").param(call)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).single()).isEqualTo(rang);
    }

    /**
     * A call filed as its provider announced it, which rang at {@code rang}, handled minutes later: the
     * process and the call's row as a webhook leaves them, the ring time set back as the provider's clock would.
     */
    private String handleRungCall(Client client, Instant rang, String category, String reason) {
        String line = client.phoneLines().get(0).number();
        String call = start(client);
        String filed = calls.register(new IncomingCall("aircall", "ring-" + call, line, "06 12 34 56 78", CallStatus.RINGING), client.id());
        calls.linkProcess(filed, call);
        jdbc.sql("update call set received_at = ? where id = ?").params(Timestamp.from(rang), filed).update();
        complete(call, category, "calm", reason);
        return call;
    }

    private String start(Client client) {
        String call = runtime.startProcessInstanceByKey("call-intake",
                Map.of("dialledNumber", client.phoneLines().get(0).number(), "callerNumber", "06 12 34 56 78")).getId();
        await("the Handle call task", () -> task(call, "HandleCall") != null);
        return call;
    }

    /** A call on the client's line, handled by a secretary with these answers. */
    private String handle(Client client, String category, String mood, String reason) {
        String call = start(client);
        complete(call, category, mood, reason);
        return call;
    }

    private void complete(String call, String category, String mood, String reason) {
        tasks.complete(task(call, "HandleCall").getId(), Map.of("callerName", "Mme Lefèvre", "reason", reason,
                "category", category, "mood", mood, "notes", "Rappeler après 17 h"));
    }

    private Task task(String call, String key) {
        return tasks.createTaskQuery().processInstanceId(call).taskDefinitionKey(key).singleResult();
    }
}
