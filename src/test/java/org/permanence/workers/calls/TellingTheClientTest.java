package org.permanence.workers.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.permanence.OfficeIntegrationTest;
import org.permanence.TestClients;
import org.permanence.TestMail;
import org.permanence.clients.Client;
import org.permanence.clients.Client.MessageDelivery;
import org.permanence.clients.Clients;
import org.permanence.mail.MailFolder;
import org.permanence.mail.StoredMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The three call workers as the engine drives them, on the shared node: a process made of their three
 * topics, started with a handled call's variables (those call-intake.bpmn gives them), ends with the
 * client told now, its urgent contact told, and the message kept for the summary.
 */
@OfficeIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TellingTheClientTest {

    private static final String PROCESS = "telling-the-client-test";

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    Clients clients;
    @Autowired
    MailFolder folder;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void deployAProcessOfTheThreeTopics() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("NotifyClientNow").camundaExternalTask("notify-client")
                .serviceTask("NotifyUrgentContact").camundaExternalTask("notify-urgent-contact")
                .serviceTask("AddToDailySummary").camundaExternalTask("add-to-daily-summary")
                .endEvent()
                .done();
        repository.createDeployment().addModelInstance(PROCESS + ".bpmn", model).deploy();
    }

    @Test
    void aHandledCallIsToldNowUrgentlyAndKeptForTheSummary() throws Exception {
        LocalTime farFromNow = LocalTime.now(ZoneId.of("Europe/Paris")).plusHours(12);
        Client client = clients.store(TestClients.client("ecoute", "fr", MessageDelivery.DAILY_SUMMARY, farFromNow));
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("clientId", client.id());
        call.put("clientName", client.name());
        call.put("callerName", "Mme Lefèvre");
        call.put("callerNumber", "+33612345678");
        call.put("reason", "Fièvre chez un nourrisson");
        call.put("category", "urgent");
        call.put("mood", "distressed");
        call.put("notes", null);

        ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS, call);
        awaitEnd(instance);

        List<StoredMail> now = TestMail.to(folder, client.contactRules().email());
        assertThat(now).extracting(StoredMail::subject).containsExactly("Message de Mme Lefèvre : Fièvre chez un nourrisson");
        assertThat(now.get(0).text()).contains("Numéro : +33 6 12 34 56 78", "Humeur : détresse").doesNotContain("Notes");
        List<StoredMail> urgent = TestMail.to(folder, client.contactRules().urgentEmail());
        assertThat(urgent).extracting(StoredMail::subject).containsExactly("URGENT : Mme Lefèvre – Fièvre chez un nourrisson");
        assertThat(jdbc.sql("select caller_name from summary_message where process_instance_id = ?").param(instance.getId())
                .query(String.class).list()).containsExactly("Mme Lefèvre");
    }

    private void awaitEnd(ProcessInstance instance) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).finished().count() == 0) {
            assertThat(System.nanoTime()).as("the workers finished the process within 60 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
