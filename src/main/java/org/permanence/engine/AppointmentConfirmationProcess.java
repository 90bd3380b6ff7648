package org.permanence.engine;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.permanence.appointments.Appointment;
import org.permanence.appointments.CallerReplies;
import org.permanence.system.EngineNode;
import org.springframework.stereotype.Component;

/**
 * The caller's answers as messages to the appointment's own {@code appointment-confirmation}
 * instance (the appointment row knows it). The engine shares Spring's transaction, so the message
 * and the appointment's change commit together. Nobody is signed in on the public pages: the
 * correlation runs without authorization checks, aimed at that one instance.
 */
@Component
@EngineNode
class AppointmentConfirmationProcess implements CallerReplies {

    static final String PROCESS_KEY = "appointment-confirmation";

    private final RuntimeService runtime;

    AppointmentConfirmationProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void confirmed(Appointment appointment) {
        correlate("AppointmentConfirmed", appointment);
    }

    @Override
    public void cancelled(Appointment appointment) {
        correlate("AppointmentCancelled", appointment);
    }

    @Override
    public void rescheduled(Appointment appointment) {
        correlate("AppointmentRescheduled", appointment);
    }

    private void correlate(String message, Appointment appointment) {
        if (appointment.processInstanceId() == null) {
            throw new NotWaiting("Appointment " + appointment.id() + " has no " + PROCESS_KEY + " process to tell", null);
        }
        try {
            runtime.createMessageCorrelation(message).processInstanceId(appointment.processInstanceId()).correlateWithResult();
        } catch (MismatchingMessageCorrelationException notWaiting) {
            throw new NotWaiting("The " + PROCESS_KEY + " process " + appointment.processInstanceId() + " of appointment "
                    + appointment.id() + " does not wait for " + message, notWaiting);
        }
    }
}
