package org.permanence.workers.calls;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.Consumer;

import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.permanence.notifications.CallMessage;
import org.permanence.workers.Retries;

/**
 * The workers that tell a client about a handled call differ only in how they tell it: each reads
 * the call's message from the process variables and hands it on. A failure (mail server down, client
 * missing) is retried, then becomes an incident; the message is sent once whatever the retries.
 */
abstract class CallMessageWorker implements ExternalTaskHandler {

    private final Consumer<CallMessage> tell;

    CallMessageWorker(Consumer<CallMessage> tell) {
        this.tell = tell;
    }

    @Override
    public void execute(ExternalTask task, ExternalTaskService service) {
        Retries.completeOrRetry(task, service, () -> {
            tell.accept(messageOf(task));
            return Map.of();
        });
    }

    /** The call is the process instance; it was handled when this step was created, which retries do not change. */
    static CallMessage messageOf(ExternalTask task) {
        Date handled = task.getCreateTime();
        return new CallMessage(task.getProcessInstanceId(), task.getVariable("clientId"), task.getVariable("callerName"),
                task.getVariable("callerNumber"), task.getVariable("reason"), task.getVariable("category"),
                task.getVariable("mood"), task.getVariable("notes"), handled == null ? Instant.now() : handled.toInstant());
    }
}
