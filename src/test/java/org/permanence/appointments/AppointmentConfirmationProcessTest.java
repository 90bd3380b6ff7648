package org.permanence.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTask;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTaskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Tag;
import org.permanence.ProcessTestEngine;

/**
 * Every path of appointment-confirmation.bpmn on the real engine; the workers are played by the test
 * at the external-task boundary. The reminder and end-of-appointment timers are passed by running
 * their jobs once their due dates are checked: the engine's clock ({@code ClockUtil}) is one for the
 * whole JVM, and moving it here moved the shared node's too, stalling its workers' long polling.
 */
@Tag("process")
@Deployment(resources = {"processes/appointment-confirmation.bpmn", "forms/pick-slot.form", "forms/mark-attendance.form"})
class AppointmentConfirmationProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessTestEngine.extension();

    private static final Instant REMINDER_AT = Instant.parse("2026-12-06T08:00:00Z");
    private static final Instant ENDS_AT = Instant.parse("2026-12-07T08:30:00Z");

    ProcessEngine engine;

    @BeforeEach
    void onThisEngine() {
        init(engine);
    }

    @Test
    void aSlotChosenDuringTheCallIsBookedConfirmedRemindedAndTheCallerMarkedAttended() {
        ProcessInstance appointment = requested("2026-12-07T09:00");

        assertThat(appointment).isWaitingAt("BookAppointment").externalTask().hasTopicName("book-appointment");
        complete(externalTask(), withVariables("appointmentId", "appointment-1"));
        confirmationSent(appointment, true);

        assertThat(appointment).isWaitingAt("ReminderDue");
        assertThat(job().getDuedate()).isEqualTo(Date.from(REMINDER_AT));
        execute(job());
        assertThat(appointment).isWaitingAt("SendReminder").externalTask().hasTopicName("send-appointment-reminder");
        complete(externalTask());

        assertThat(appointment).isWaitingAt("AppointmentOver");
        assertThat(job().getDuedate()).isEqualTo(Date.from(ENDS_AT));
        execute(job());

        assertThat(appointment).isWaitingAt("MarkAttendance");
        assertThat(task()).hasCandidateGroup("secretaries").hasName("Noter la venue — Mme Petit, lundi 7 décembre 2026 à 9 h 00");
        complete(task(), withVariables("attendance", "attended"));
        assertThat(appointment).isWaitingAt("RecordAttendance").externalTask().hasTopicName("record-attendance");
        complete(externalTask());
        assertThat(appointment).hasPassed("SendReminder", "AppointmentDone").hasNotPassed("PickSlot").isEnded();
    }

    @Test
    void withoutASlotTheSecretaryPicksOneAmongTheFreeSlots() {
        ProcessInstance appointment = requested(null);

        assertThat(appointment).isWaitingAt("ListFreeSlots").externalTask().hasTopicName("list-free-slots");
        complete(externalTask(), withVariables("freeSlotsText", "- **lundi 7 décembre** : 09:00, 09:15"));
        assertThat(appointment).isWaitingAt("PickSlot");
        assertThat(task()).hasCandidateGroup("secretaries").hasName("Choisir un créneau — Cabinet du Dr Martin");
        complete(task(), withVariables("slotStart", "2026-12-07T09:00", "appointmentType", "consultation"));

        assertThat(appointment).isWaitingAt("BookAppointment");
    }

    @Test
    void aSlotTakenMeanwhileTakesTheSecretaryBackToTheFreeSlotsWithTheReason() {
        ProcessInstance appointment = requested("2026-12-07T09:00");

        failBooking(SlotUnavailable.TAKEN, "Le créneau du 2026-12-07T09:00 vient d'être pris : choisissez-en un autre.");

        assertThat(appointment).hasPassed("SlotTaken").isWaitingAt("ListFreeSlots");
        complete(externalTask(), withVariables("freeSlotsText", "- **lundi 7 décembre** : 09:15"));
        assertThat(appointment).isWaitingAt("PickSlot");
        assertThat(appointment).variables().containsEntry("slotProblem",
                "Le créneau du 2026-12-07T09:00 vient d'être pris : choisissez-en un autre.");
        complete(task(), withVariables("slotStart", "2026-12-07T09:15"));
        assertThat(appointment).isWaitingAt("BookAppointment");
    }

    @Test
    void aSlotTheClientsRulesRefuseTakesTheSecretaryBackToo() {
        ProcessInstance appointment = requested("2026-12-07T23:00");

        failBooking(SlotUnavailable.REFUSED, "Le créneau du 2026-12-07T23:00 ne peut pas être réservé : start … outside the opening hours");

        assertThat(appointment).hasPassed("SlotRefused").isWaitingAt("ListFreeSlots");
    }

    @Test
    void theCallersConfirmationIsNotedAndTheAppointmentStillAhead() {
        ProcessInstance appointment = booked(true);

        runtimeService().createMessageCorrelation("AppointmentConfirmed").processInstanceId(appointment.getId()).correlate();

        assertThat(appointment).hasPassed("ConfirmationNoted").isWaitingAt("ReminderDue");
    }

    @Test
    void aCancellationSendsTheCancelInvitationAndNoReminderEver() {
        ProcessInstance appointment = booked(true);

        runtimeService().createMessageCorrelation("AppointmentCancelled").processInstanceId(appointment.getId()).correlate();

        assertThat(appointment).isWaitingAt("SendCancellation").externalTask().hasTopicName("send-appointment-cancellation");
        assertThat(jobQuery().processInstanceId(appointment.getId()).count()).isZero();
        complete(externalTask());
        assertThat(appointment).hasPassed("AppointmentCancelled").hasNotPassed("SendReminder", "MarkAttendance").isEnded();
    }

    @Test
    void aRescheduleSendsANewConfirmationAndWaitsForTheNewTimes() {
        ProcessInstance appointment = booked(true);

        runtimeService().createMessageCorrelation("AppointmentRescheduled").processInstanceId(appointment.getId()).correlate();

        assertThat(appointment).isWaitingAt("SendConfirmation");
        Instant laterReminder = REMINDER_AT.plusSeconds(2 * 24 * 3600);
        complete(externalTask(), times(laterReminder, ENDS_AT.plusSeconds(2 * 24 * 3600), true));
        assertThat(appointment).isWaitingAt("ReminderDue");
        assertThat(job().getDuedate()).isEqualTo(Date.from(laterReminder));
    }

    @Test
    void noReminderWhenItsTimeHasPassedOrTheCallerGaveNoAddressThenANoShowIsNoted() {
        ProcessInstance appointment = booked(false);

        assertThat(appointment).isWaitingAt("AppointmentOver");
        execute(job());
        complete(task(), withVariables("attendance", "no-show"));
        assertThat(appointment).isWaitingAt("RecordAttendance");
        assertThat(appointment).variables().containsEntry("attendance", "no-show");
        complete(externalTask());
        assertThat(appointment).hasNotPassed("SendReminder").hasPassed("AppointmentDone").isEnded();
    }

    private static ProcessInstance requested(String slotStart) {
        Map<String, Object> variables = new HashMap<>(Map.of("clientId", "cabinet-martin", "clientName", "Cabinet du Dr Martin",
                "callerName", "Mme Petit", "callerNumber", "+33612345678", "callerEmail", "petit@example.fr",
                "appointmentType", "consultation"));
        variables.put("slotStart", slotStart);
        return runtimeService().startProcessInstanceByKey("appointment-confirmation", "call-1", variables);
    }

    private static ProcessInstance booked(boolean reminderWanted) {
        ProcessInstance appointment = requested("2026-12-07T09:00");
        assertThat(appointment).isWaitingAt("BookAppointment");
        complete(externalTask(), withVariables("appointmentId", "appointment-1"));
        confirmationSent(appointment, reminderWanted);
        return appointment;
    }

    private static void confirmationSent(ProcessInstance appointment, boolean reminderWanted) {
        assertThat(appointment).isWaitingAt("SendConfirmation").externalTask().hasTopicName("send-appointment-confirmation");
        complete(externalTask(), times(REMINDER_AT, ENDS_AT, reminderWanted));
    }

    private static Map<String, Object> times(Instant reminderAt, Instant endsAt, boolean reminderWanted) {
        return withVariables("reminderAt", Date.from(reminderAt), "appointmentEnd", Date.from(endsAt), "reminderWanted", reminderWanted,
                "appointmentWhen", "lundi 7 décembre 2026 à 9 h 00");
    }

    /** The book-appointment worker's BPMN error, as the worker raises it through the external-task API. */
    private static void failBooking(String code, String message) {
        List<LockedExternalTask> locked = externalTaskService().fetchAndLock(1, "test").topic("book-appointment", 60_000).execute();
        externalTaskService().handleBpmnError(locked.get(0).getId(), "test", code, message, Map.of("slotProblem", message));
    }
}
