package org.permanence.workers.dailysummary;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.permanence.notifications.DailySummaries;
import org.permanence.system.WorkerNode;
import org.permanence.workers.Retries;
import org.springframework.stereotype.Component;

/** Topic {@code send-daily-summary}: the summary due at {@code summaryDueAt}, in one mail with its PDF (none when no message waits). */
@Component
@WorkerNode
@ExternalTaskSubscription(topicName = "send-daily-summary", variableNames = {"clientId", "summaryDueAt"})
class SendDailySummaryWorker implements ExternalTaskHandler {

    private final DailySummaries summaries;

    SendDailySummaryWorker(DailySummaries summaries) {
        this.summaries = summaries;
    }

    @Override
    public void execute(ExternalTask task, ExternalTaskService service) {
        Retries.completeOrRetry(task, service, () -> {
            Date dueAt = task.getVariable("summaryDueAt");
            summaries.send(task.getVariable("clientId"), dueAt.toInstant());
            return Map.of();
        });
    }
}
