package org.permanence.workers.appointments;

import java.util.Map;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.permanence.appointments.AppointmentMails;
import org.permanence.system.WorkerNode;
import org.permanence.workers.Retries;
import org.springframework.stereotype.Component;

/** Topic {@code send-appointment-cancellation}: the cancellation (METHOD:CANCEL) to the caller and the client. */
@Component
@WorkerNode
@ExternalTaskSubscription(topicName = "send-appointment-cancellation",
        variableNames = {"appointmentId", CallNotes.REASON, CallNotes.BOOKED_BY, CallNotes.HANDLED_BY})
class SendAppointmentCancellationWorker implements ExternalTaskHandler {

    private final AppointmentMails mails;
    private final Retries retries;

    SendAppointmentCancellationWorker(AppointmentMails mails, Retries retries) {
        this.mails = mails;
        this.retries = retries;
    }

    @Override
    public void execute(ExternalTask task, ExternalTaskService service) {
        retries.completeOrRetry(task, service, () -> {
            mails.sendCancellation(task.getVariable("appointmentId"), CallNotes.of(task));
            return Map.of();
        });
    }
}
