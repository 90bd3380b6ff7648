package org.permanence.appointments.engine;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.permanence.appointments.Appointment;
import org.permanence.appointments.AppointmentMails;
import org.permanence.appointments.CallerReplies;
import org.permanence.system.EngineNode;
import org.springframework.stereotype.Component;

/**
 * The caller's answers as messages to the appointment's own {@code appointment-confirmation}
 * instance (the appointment row knows it). The engine shares Spring's transaction, so the message
 * and the appointment's change commit together. The correlation runs without authorization checks,
 * aimed at that one instance: nobody is signed in on the caller's pages, and a secretary cancelling
 * through the API was already checked against the client (her tenant) by the application.
 */
@Component
@EngineNode
class AppointmentConfirmationProcess implements CallerReplies {

    static final String PROCESS_KEY = "appointment-confirmation";

    private final RuntimeService runtime;
    private final IdentityService identity;

    AppointmentConfirmationProcess(RuntimeService runtime, IdentityService identity) {
        this.runtime = runtime;
        this.identity = identity;
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
        // the row now holds the new start only: the mails saying "moved from … to …" need the old one
        correlate("AppointmentRescheduled", appointment, Map.of(AppointmentMails.MOVED_FROM, Date.from(appointment.start())));
    }

    private void correlate(String message, Appointment appointment) {
        correlate(message, appointment, Map.of());
    }

    private void correlate(String message, Appointment appointment, Map<String, Object> variables) {
        if (appointment.processInstanceId() == null) {
            throw new NotWaiting("Appointment " + appointment.id() + " has no " + PROCESS_KEY + " process to tell", null);
        }
        Authentication signedIn = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            runtime.createMessageCorrelation(message).processInstanceId(appointment.processInstanceId()).setVariables(variables)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException notWaiting) {
            throw new NotWaiting("The " + PROCESS_KEY + " process " + appointment.processInstanceId() + " of appointment "
                    + appointment.id() + " does not wait for " + message, notWaiting);
        } finally {
            if (signedIn != null) {
                identity.setAuthentication(signedIn);
            }
        }
    }
}
