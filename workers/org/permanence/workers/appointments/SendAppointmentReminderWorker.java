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

/** Topic {@code send-appointment-reminder}: the caller's reminder, unless the appointment was cancelled meanwhile. */
@Component
@WorkerNode
@ExternalTaskSubscription(topicName = "send-appointment-reminder", variableNames = "appointmentId")
class SendAppointmentReminderWorker implements ExternalTaskHandler {

    private final AppointmentMails mails;
    private final Retries retries;

    SendAppointmentReminderWorker(AppointmentMails mails, Retries retries) {
        this.mails = mails;
        this.retries = retries;
    }

    @Override
    public void execute(ExternalTask task, ExternalTaskService service) {
        retries.completeOrRetry(task, service, () -> {
            mails.sendReminder(task.getVariable("appointmentId"));
            return Map.of();
        });
    }
}
