package org.permanence.workers.appointments;

import java.util.Date;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.permanence.appointments.AppointmentMails;
import org.permanence.system.WorkerNode;
import org.permanence.system.WritesVariables;
import org.permanence.workers.Retries;
import org.springframework.stereotype.Component;

/**
 * Topic {@code send-appointment-confirmation}: the confirmation with its invitation and links (saying
 * from when to when once the caller moved it); answers the reminder and end times.
 */
@Component
@WorkerNode
@ExternalTaskSubscription(topicName = "send-appointment-confirmation",
        variableNames = {"appointmentId", AppointmentMails.MOVED_FROM, CallNotes.REASON, CallNotes.BOOKED_BY, CallNotes.HANDLED_BY})
@WritesVariables({"reminderAt", "reminderWanted", "appointmentEnd", "appointmentWhen"})
class SendAppointmentConfirmationWorker implements ExternalTaskHandler {

    private final AppointmentMails mails;
    private final Retries retries;

    SendAppointmentConfirmationWorker(AppointmentMails mails, Retries retries) {
        this.mails = mails;
        this.retries = retries;
    }

    @Override
    public void execute(ExternalTask task, ExternalTaskService service) {
        Date movedFrom = task.getVariable(AppointmentMails.MOVED_FROM);
        retries.completeOrRetry(task, service, () -> mails.sendConfirmation(task.getVariable("appointmentId"), CallNotes.of(task),
                movedFrom == null ? null : movedFrom.toInstant()));
    }
}
