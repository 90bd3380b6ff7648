package org.permanence.notifications.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.Eventually.await;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.TestClients;
import org.permanence.clients.Client.MessageDelivery;
import org.permanence.clients.Client;
import org.permanence.clients.Clients;
import org.permanence.notifications.DailySummaries;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Saving a client's settings keeps its daily summary in step: one instance while it wants one,
 * waiting for its hour; none once it does not. Runs on the shared node, whose workers do the steps.
 */
@OfficeIntegrationTest
class DailySummaryInstancesTest {

    @Autowired
    Clients clients;
    @Autowired
    DailySummaryInstances instances;
    @Autowired
    DailySummaries summaries;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;

    @Test
    void aClientThatWantsADailySummaryHasOneInstanceInItsTenantWaitingForItsHour() {
        Client client = clients.store(TestClients.client("agenda", "fr", MessageDelivery.DAILY_SUMMARY, hoursFromNow(10)));

        List<ProcessInstance> running = running(client);
        assertThat(running).hasSize(1);
        assertThat(running.get(0).getTenantId()).isEqualTo(client.id());
        assertThat(awaitSummaryTime(running.get(0), expectedTime(client))).isNotNull();
    }

    @Test
    void changingTheHourMovesTheWaitingSummary() {
        Client client = clients.store(TestClients.client("horaire", "fr", MessageDelivery.DAILY_SUMMARY, hoursFromNow(10)));
        ProcessInstance instance = running(client).get(0);
        awaitSummaryTime(instance, expectedTime(client));

        Client later = clients.store(TestClients.withMessages(client, MessageDelivery.DAILY_SUMMARY, hoursFromNow(14)));

        assertThat(awaitSummaryTime(instance, expectedTime(later))).isNotNull();
        assertThat(running(client)).extracting(ProcessInstance::getId).containsExactly(instance.getId());
    }

    @Test
    void switchingToImmediateMessagesStopsTheSummaryAndSwitchingBackStartsItAgain() {
        Client client = clients.store(TestClients.client("bascule", "fr", MessageDelivery.DAILY_SUMMARY, hoursFromNow(10)));
        ProcessInstance first = running(client).get(0);
        awaitSummaryTime(first, expectedTime(client));

        clients.store(TestClients.withMessages(client, MessageDelivery.IMMEDIATELY, null));

        await("the summary to stop", () -> running(client).isEmpty());
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(first.getId())
                .activityId("DailySummaryStopped").count()).isEqualTo(1);

        clients.store(client);

        assertThat(running(client)).hasSize(1).extracting(ProcessInstance::getId).doesNotContain(first.getId());
    }

    @Test
    void theStartUpCheckLeavesExactlyOneInstancePerClientThatWantsOne() {
        Client daily = clients.store(TestClients.client("double", "fr", MessageDelivery.DAILY_SUMMARY, hoursFromNow(10)));
        Client immediate = clients.store(TestClients.client("simple", "fr", MessageDelivery.IMMEDIATELY, null));
        // what two engine nodes starting together could leave behind
        runtime.createProcessInstanceByKey(DailySummaryInstances.PROCESS).businessKey(DailySummaryInstances.businessKey(daily.id()))
                .setVariable("clientId", daily.id()).execute();
        assertThat(running(daily)).hasSize(2);

        instances.checkAllAtStartUp();
        instances.checkAllAtStartUp();

        assertThat(running(daily)).hasSize(1);
        assertThat(running(immediate)).isEmpty();
    }

    private List<ProcessInstance> running(Client client) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(DailySummaryInstances.businessKey(client.id())).list();
    }

    /** Waits until the instance waits for its summary at this time (the in-process worker computes it). */
    private Job awaitSummaryTime(ProcessInstance instance, Instant time) {
        Supplier<Job> timer = () -> management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        await("a timer at " + time, () -> timer.get() != null && timer.get().getDuedate().equals(Date.from(time)));
        return timer.get();
    }

    private Instant expectedTime(Client client) {
        return summaries.next(client.id(), Instant.now()).dueAt();
    }

    private static LocalTime hoursFromNow(int hours) {
        return LocalTime.now(ZoneId.of("Europe/Paris")).plusHours(hours).truncatedTo(ChronoUnit.MINUTES);
    }
}
