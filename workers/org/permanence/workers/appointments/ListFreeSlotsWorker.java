package org.permanence.workers.appointments;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.permanence.appointments.AppointmentRequests;
import org.permanence.system.WorkerNode;
import org.permanence.system.WritesVariables;
import org.permanence.workers.Retries;
import org.springframework.stereotype.Component;

/** Topic {@code list-free-slots}: the free slots the secretary picks from. */
@Component
@WorkerNode
@ExternalTaskSubscription(topicName = "list-free-slots", variableNames = {"clientId", "appointmentType"})
@WritesVariables({"appointmentTypes", "appointmentTypeOptions", "freeSlotsText", "slotOptions"})
class ListFreeSlotsWorker implements ExternalTaskHandler {

    private final AppointmentRequests requests;
    private final Retries retries;

    ListFreeSlotsWorker(AppointmentRequests requests, Retries retries) {
        this.requests = requests;
        this.retries = retries;
    }

    @Override
    public void execute(ExternalTask task, ExternalTaskService service) {
        retries.completeOrRetry(task, service, () -> requests.freeSlots(task.getVariable("clientId"), task.getVariable("appointmentType")));
    }
}
