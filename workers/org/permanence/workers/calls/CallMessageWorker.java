package org.permanence.workers.calls;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.Consumer;

import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.permanence.calls.CallRecords;
import org.permanence.notifications.CallMessage;
import org.permanence.workers.Retries;

/**
 * The workers that tell a client about a handled call differ only in how they tell it: each reads
 * the call's message from the process variables and hands it on. A failure (mail server down, client
 * missing) is retried, then becomes an incident; the message is sent once whatever the retries.
 */
abstract class CallMessageWorker implements ExternalTaskHandler {

    private final Consumer<CallMessage> tell;
    private final CallRecords calls;
    private final Retries retries;

    CallMessageWorker(Consumer<CallMessage> tell, CallRecords calls, Retries retries) {
        this.tell = tell;
        this.calls = calls;
        this.retries = retries;
    }

    @Override
    public void execute(ExternalTask task, ExternalTaskService service) {
        retries.completeOrRetry(task, service, () -> {
            tell.accept(messageOf(task, calls));
            return Map.of();
        });
    }

    /**
     * The call is the process instance. The client is told when it rang, as its record says (the
     * secretary may have taken minutes to note it). Without a record (record-call comes first in
     * call-intake.bpmn, so only in a process a manager changed), as of when it was handled: when this
     * step was created, which retries do not change.
     */
    static CallMessage messageOf(ExternalTask task, CallRecords calls) {
        Date handled = task.getCreateTime();
        Instant rang = calls.rangAt(task.getProcessInstanceId())
                .orElseGet(() -> handled == null ? Instant.now() : handled.toInstant());
        return new CallMessage(task.getProcessInstanceId(), task.getVariable("clientId"), task.getVariable("callerName"),
                task.getVariable("callerNumber"), task.getVariable("reason"), task.getVariable("category"),
                task.getVariable("mood"), task.getVariable("notes"), rang);
    }
}
