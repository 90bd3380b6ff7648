package org.permanence.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTask;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.permanence.ProcessTestEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Tag;

/**
 * Every path of call-intake.bpmn on the real engine, with the real routing table; the workers are
 * played by the test at the external-task boundary.
 */
@Deployment(resources = {"processes/call-intake.bpmn", "processes/call-routing.dmn", "forms/log-a-call.form",
        "forms/handle-call.form", "forms/confirm-client-reached.form", "forms/reach-client-escalated.form",
        "forms/take-appointment.form", "forms/call-back.form",
        "processes/appointment-confirmation.bpmn", "forms/pick-slot.form", "forms/mark-attendance.form"})
@Tag("process")
class CallIntakeProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessTestEngine.extension();

    private static final Date CALL_BACK_DUE = Date.from(Instant.parse("2026-11-27T11:00:00Z"));
    private static final Date URGENT_CONFIRM_DUE = Date.from(Instant.parse("2026-11-27T09:15:00Z"));

    /** This test's in-memory engine, set by the extension. */
    ProcessEngine engine;

    @BeforeEach
    void assertOnThisEngine() {
        // the shared node of the integration tests may run its own engine in this JVM: the assertions
        // refuse to guess between two
        init(engine);
    }

    @Test
    void aMessageForAClientWhoWantsItAtOnceIsSentNow() {
        ProcessInstance call = handledCall("IMMEDIATELY", "message", "calm");

        assertThat(call).isWaitingAt("NotifyClientNow").externalTask().hasTopicName("notify-client");
        complete(externalTask());
        assertThat(call).hasPassed("MessageSent").isEnded();
    }

    @Test
    void aMessageForAClientWhoWantsADailySummaryIsKeptForIt() {
        ProcessInstance call = handledCall("DAILY_SUMMARY", "message", "annoyed");

        assertThat(call).isWaitingAt("AddToDailySummary").externalTask().hasTopicName("add-to-daily-summary");
        complete(externalTask());
        assertThat(call).hasPassed("MessageKept").isEnded();
    }

    @Test
    void aDistressedCallersMessageIsSentNowEvenForADailySummaryClient() {
        ProcessInstance call = handledCall("DAILY_SUMMARY", "message", "distressed");

        assertThat(call).isWaitingAt("NotifyClientNow");
    }

    @Test
    void anUrgentCallWarnsTheUrgentContactThenASecretaryConfirmsTheClientWasReached() {
        ProcessInstance call = handledCall("IMMEDIATELY", "urgent", "distressed");

        assertThat(call).isWaitingAt("NotifyUrgentContact").externalTask().hasTopicName("notify-urgent-contact");
        complete(externalTask());
        assertThat(call).isWaitingAt("ConfirmClientReached");
        assertThat(task()).hasCandidateGroup("secretaries").hasDueDate(URGENT_CONFIRM_DUE);
        assertThat(task().getPriority()).isEqualTo(90);
        complete(task(), withVariables("clientReached", true, "reachedWho", "Dr Martin"));
        assertThat(call).hasPassed("ClientReached").isEnded();
    }

    @Test
    void anUrgentCallNotConfirmedInTheClientsDelayGoesToTheManagers() {
        ProcessInstance call = handledCall("IMMEDIATELY", "urgent", "calm");
        complete(externalTask());

        assertThat(call).isWaitingAt("ConfirmClientReached");
        // the timer runs the client's delay (15 minutes here) from the moment the contact was warned
        Instant due = job().getDuedate().toInstant();
        assertThat(due).isBetween(Instant.now().plusSeconds(14 * 60), Instant.now().plusSeconds(15 * 60));
        execute(job());

        assertThat(call).isWaitingAt("ReachClientEscalated").hasNotPassed("ClientReached");
        assertThat(task()).hasCandidateGroup("managers");
        complete(task(), withVariables("escalationOutcome", "Joint le Dr Martin sur son portable"));
        assertThat(call).hasPassed("UrgentCallEscalated").isEnded();
    }

    @Test
    void anAppointmentRequestBecomesATaskToTakeItThenItsConfirmationProcess() {
        ProcessInstance call = handledCall("IMMEDIATELY", "appointment", "calm");

        assertThat(call).isWaitingAt("TakeAppointment");
        assertThat(task()).hasCandidateGroup("secretaries");
        complete(task(), withVariables("appointmentType", "consultation", "slotStart", "2026-12-07T09:00",
                "callerEmail", "dupont@example.fr", "appointmentNote", "Mardi 10 h, consultation"));

        assertThat(call).isWaitingAt("ConfirmAppointment");
        ProcessInstance appointment = calledProcessInstance(call);
        assertThat(appointment).hasProcessDefinitionKey("appointment-confirmation").hasBusinessKey(call.getBusinessKey())
                .hasVariables("clientId", "clientName", "callerName", "callerNumber", "callerEmail", "appointmentType", "slotStart");
        assertThat(appointment).variables().containsEntry("slotStart", "2026-12-07T09:00").containsEntry("callerName", "M. Dupont");
        // the slot was agreed on the phone: straight to booking, no task to pick one
        // (its own paths, to the end of the call: AppointmentConfirmationProcessTest)
        assertThat(appointment).isWaitingAt("BookAppointment");
    }

    @Test
    void aCallBackIsDueWithinTheClientsDelay() {
        ProcessInstance call = handledCall("DAILY_SUMMARY", "call-back", "annoyed");

        assertThat(call).isWaitingAt("CallBack");
        assertThat(task()).hasCandidateGroup("secretaries").hasDueDate(CALL_BACK_DUE);
        complete(task(), withVariables("callBackOutcome", "reached"));
        assertThat(call).hasPassed("CalledBack").isEnded();
    }

    @Test
    void theRoutingStaysInTheCallsHistoryWithTheValuesItDecidedOn() {
        ProcessInstance call = handledCall("DAILY_SUMMARY", "message", "distressed");

        HistoricDecisionInstance routing = engine.getHistoryService().createHistoricDecisionInstanceQuery()
                .processInstanceId(call.getId()).includeInputs().includeOutputs().singleResult();
        assertThat(routing.getDecisionDefinitionKey()).isEqualTo("call-routing");
        assertThat(routing.getActivityId()).isEqualTo("RouteCall");
        assertThat(routing.getInputs()).extracting(HistoricDecisionInputInstance::getValue)
                .containsExactlyInAnyOrder(true, "message", "distressed", "DAILY_SUMMARY");
        assertThat(routing.getOutputs()).extracting(HistoricDecisionOutputInstance::getValue).containsExactly("notify-now");
    }

    @Test
    void informationGivenOnThePhoneNeedsNothingMore() {
        ProcessInstance call = handledCall("IMMEDIATELY", "information", "calm");

        assertThat(call).hasPassed("NoFollowUp").isEnded();
    }

    @Test
    void aCallOnAnUnknownLineGoesToTheManagersAndStopsThere() {
        ProcessInstance call = runtimeService().startProcessInstanceByKey("call-intake",
                withVariables("dialledNumber", "09 99 99 99 99", "callerNumber", "06 12 34 56 78"));
        assertThat(call).isWaitingAt("IdentifyCaller");
        complete(externalTask(), withVariables("lineKnown", false, "clientName", "Ligne inconnue +33999999999"));

        assertThat(call).isWaitingAt("HandleCall");
        assertThat(task()).hasCandidateGroup("managers").hasName("Traiter l'appel — Ligne inconnue +33999999999");
        complete(task(), withVariables("callerName", "Inconnu", "reason", "Faux numéro", "category", "message", "mood", "calm"));
        complete(externalTask());

        assertThat(call).hasPassed("NoFollowUp").hasNotPassed("NotifyClientNow").isEnded();
    }

    /** A call on a known line, identified and handled by a secretary, recorded: the routing table decides next. */
    private static ProcessInstance handledCall(String delivery, String category, String mood) {
        ProcessInstance call = runtimeService().startProcessInstanceByKey("call-intake", "test-call-" + category,
                withVariables("dialledNumber", "01 45 67 89 10", "callerNumber", "06 12 34 56 78"));
        assertThat(call).isWaitingAt("IdentifyCaller").externalTask().hasTopicName("identify-caller");
        complete(externalTask(), Map.of("lineKnown", true, "clientId", "cabinet-martin", "clientName", "Cabinet du Dr Martin",
                "clientMessageDelivery", delivery, "urgentConfirmWithin", "PT15M", "urgentConfirmDue", URGENT_CONFIRM_DUE,
                "callBackDue", CALL_BACK_DUE));

        assertThat(call).isWaitingAt("HandleCall");
        assertThat(task()).hasCandidateGroup("secretaries").hasName("Traiter l'appel — Cabinet du Dr Martin");
        complete(task(), withVariables("callerName", "M. Dupont", "reason", "Renouvellement d'ordonnance",
                "category", category, "mood", mood));

        assertThat(call).isWaitingAt("RecordCall").externalTask().hasTopicName("record-call");
        complete(externalTask());
        return call;
    }
}
