package org.permanence.workers.calls;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.permanence.calls.CallRecords;
import org.permanence.calls.HandledCall;
import org.permanence.system.WorkerNode;
import org.permanence.workers.Retries;
import org.springframework.stereotype.Component;

/**
 * Topic {@code record-call}: files what the secretary noted on the call, searchable per client and
 * caller. A retry rewrites the same row (see {@link CallRecords#record}).
 */
@Component
@WorkerNode
@ExternalTaskSubscription(topicName = "record-call", variableNames = {"callerName", "reason", "category", "mood", "notes",
        "clientId", "callerNumber", "dialledNumber", "handledBy", "rangAt"})
class RecordCallWorker implements ExternalTaskHandler {

    private final CallRecords records;
    private final Retries retries;

    RecordCallWorker(CallRecords records, Retries retries) {
        this.records = records;
        this.retries = retries;
    }

    @Override
    public void execute(ExternalTask task, ExternalTaskService service) {
        retries.completeOrRetry(task, service, () -> {
            records.record(new HandledCall(task.getProcessInstanceId(), task.getBusinessKey(), task.getVariable("clientId"),
                    task.getVariable("dialledNumber"), task.getVariable("callerNumber"), task.getVariable("callerName"),
                    task.getVariable("reason"), task.getVariable("category"), task.getVariable("mood"), task.getVariable("notes"),
                    task.getVariable("handledBy"), rangAt(task)));
            return Map.of();
        });
    }

    private static Instant rangAt(ExternalTask task) {
        Date rang = task.getVariable("rangAt");
        return rang == null ? null : rang.toInstant();
    }
}
