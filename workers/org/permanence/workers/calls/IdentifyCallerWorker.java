package org.permanence.workers.calls;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.permanence.calls.CallerIdentification;
import org.permanence.system.WorkerNode;
import org.permanence.system.WritesVariables;
import org.permanence.workers.Retries;
import org.springframework.stereotype.Component;

/** Topic {@code identify-caller}: whose line rang, and the client's briefing card for the secretary. */
@Component
@WorkerNode
@ExternalTaskSubscription(topicName = "identify-caller", variableNames = {"dialledNumber", "callerNumber"})
@WritesVariables({"callerNumber", "lineKnown", "clientName", "clientId", "briefingGreeting", "briefingUrgentWhen",
        "briefingPutThrough", "clientAvailability", "appointmentTypeOptions", "clientMessageDelivery", "urgentConfirmWithin", "urgentConfirmDue", "callBackDue", "callerHistory",
        "callerName", "callerNoShows", "rangAt"})
class IdentifyCallerWorker implements ExternalTaskHandler {

    private final CallerIdentification identification;
    private final Retries retries;

    IdentifyCallerWorker(CallerIdentification identification, Retries retries) {
        this.identification = identification;
        this.retries = retries;
    }

    @Override
    public void execute(ExternalTask task, ExternalTaskService service) {
        retries.completeOrRetry(task, service,
                () -> identification.identify(task.getVariable("dialledNumber"), task.getVariable("callerNumber")));
    }
}
