package org.permanence.workers.appointments;

import java.util.Map;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.permanence.appointments.AppointmentRequests;
import org.permanence.appointments.SlotUnavailable;
import org.permanence.system.WorkerNode;
import org.permanence.system.WritesVariables;
import org.permanence.workers.Retries;
import org.springframework.stereotype.Component;

/**
 * Topic {@code book-appointment}: books the chosen slot. A slot just taken, or one the client's
 * rules forbid, is a business outcome: a BPMN error that takes the secretary back to the free slots,
 * with the reason in {@code slotProblem}.
 */
@Component
@WorkerNode
@ExternalTaskSubscription(topicName = "book-appointment",
        variableNames = {"clientId", "appointmentType", "slotStart", "callerName", "callerNumber", "callerEmail"})
@WritesVariables({"appointmentId", "slotProblem"})
class BookAppointmentWorker implements ExternalTaskHandler {

    private final AppointmentRequests requests;
    private final Retries retries;

    BookAppointmentWorker(AppointmentRequests requests, Retries retries) {
        this.requests = requests;
        this.retries = retries;
    }

    @Override
    public void execute(ExternalTask task, ExternalTaskService service) {
        Map<String, Object> booked;
        try {
            booked = requests.book(task.getProcessInstanceId(), task.getVariable("clientId"), task.getVariable("appointmentType"),
                    task.getVariable("slotStart"), task.getVariable("callerName"), task.getVariable("callerNumber"),
                    task.getVariable("callerEmail"));
        } catch (SlotUnavailable unavailable) {
            service.handleBpmnError(task, unavailable.code(), unavailable.getMessage(), Map.of("slotProblem", unavailable.getMessage()));
            return;
        } catch (RuntimeException e) {
            retries.fail(task, service, e);
            return;
        }
        retries.completeOrRetry(task, service, () -> booked);
    }
}
