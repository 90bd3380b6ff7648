package org.permanence.workers.appointments;

import java.util.Map;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.permanence.appointments.AppointmentRequests;
import org.permanence.system.WorkerNode;
import org.permanence.workers.Retries;
import org.springframework.stereotype.Component;

/** Topic {@code record-attendance}: attended or no-show, as the secretary noted; no-shows show at the caller's next call. */
@Component
@WorkerNode
@ExternalTaskSubscription(topicName = "record-attendance", variableNames = {"appointmentId", "attendance"})
class RecordAttendanceWorker implements ExternalTaskHandler {

    private final AppointmentRequests requests;
    private final Retries retries;

    RecordAttendanceWorker(AppointmentRequests requests, Retries retries) {
        this.requests = requests;
        this.retries = retries;
    }

    @Override
    public void execute(ExternalTask task, ExternalTaskService service) {
        retries.completeOrRetry(task, service, () -> {
            requests.recordAttendance(task.getVariable("appointmentId"), task.getVariable("attendance"));
            return Map.of();
        });
    }
}
