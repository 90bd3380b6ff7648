package org.permanence.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTask;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.permanence.ProcessTestEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Tag;

/** Every path of daily-summary.bpmn on the real engine; the workers are played by the test. */
@Tag("process")
@Deployment(resources = "processes/daily-summary.bpmn")
class DailySummaryProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessTestEngine.extension();

    private static final Date TOMORROW_EVENING = Date.from(Instant.now().plusSeconds(86_400));

    /** This test's in-memory engine, set by the extension. */
    ProcessEngine engine;

    private ProcessInstance summary;

    @BeforeEach
    void assertOnThisEngine() {
        // the shared node of the integration tests may run its own engine in this JVM
        init(engine);
    }

    /** The application starts one instance per client that wants a summary (the deployment is made after @BeforeEach). */
    private void aClientWantsADailySummary() {
        summary = runtimeService().startProcessInstanceByKey("daily-summary", "daily-summary:cabinet-martin",
                withVariables("clientId", "cabinet-martin"));
        assertThat(summary).isWaitingAt("ScheduleNextSummary").externalTask().hasTopicName("schedule-daily-summary");
    }

    @Test
    void atTheClientsHourTheSummaryIsSentThenTheNextOneIsScheduled() {
        aClientWantsADailySummary();
        complete(externalTask(), withVariables("summaryDueAt", TOMORROW_EVENING, "lastSummary", false));

        assertThat(summary).isWaitingAt("AwaitSummaryTime");
        assertThat(job().getDuedate()).isEqualTo(TOMORROW_EVENING);
        execute(job());

        assertThat(summary).isWaitingAt("SendDailySummary").externalTask().hasTopicName("send-daily-summary");
        complete(externalTask());

        assertThat(summary).isWaitingAt("ScheduleNextSummary");
        assertThat(summary).hasPassedInOrder("DailySummaryRequested", "ScheduleNextSummary", "SummaryTimeReached",
                "SendDailySummary", "NextSummaryJoin").isNotEnded();
    }

    @Test
    void changedContactRulesWorkTheTimeOutAgain() {
        aClientWantsADailySummary();
        complete(externalTask(), withVariables("summaryDueAt", TOMORROW_EVENING, "lastSummary", false));
        assertThat(summary).isWaitingAt("AwaitSummaryTime");

        runtimeService().createMessageCorrelation("DailySummarySettingsChanged").processInstanceBusinessKey("daily-summary:cabinet-martin")
                .correlate();

        assertThat(summary).isWaitingAt("ScheduleNextSummary").hasPassed("SettingsChanged").hasNotPassed("SendDailySummary");
        assertThat(job()).as("the old time no longer stands").isNull();
    }

    @Test
    void aClientThatNoLongerWantsASummaryGetsTheLastMessagesAndTheSummaryStops() {
        aClientWantsADailySummary();
        complete(externalTask(), withVariables("summaryDueAt", new Date(), "lastSummary", true));

        assertThat(summary).isWaitingAt("SendLastSummary").externalTask().hasTopicName("send-daily-summary");
        complete(externalTask());

        assertThat(summary).hasPassed("SendLastSummary").isEnded();
        assertThat(summary).hasPassedInOrder("ScheduleNextSummary", "SendLastSummary", "DailySummaryStopped");
    }
}
