package org.permanence.workers.dailysummary;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.permanence.notifications.DailySummaries;
import org.permanence.system.WorkerNode;
import org.permanence.system.WritesVariables;
import org.permanence.workers.Retries;
import org.springframework.stereotype.Component;

/** Topic {@code schedule-daily-summary}: when the client's next summary is due, and whether it is its last. */
@Component
@WorkerNode
@ExternalTaskSubscription(topicName = "schedule-daily-summary", variableNames = "clientId")
@WritesVariables({"summaryDueAt", "lastSummary"})
class ScheduleDailySummaryWorker implements ExternalTaskHandler {

    private final DailySummaries summaries;
    private final Retries retries;

    ScheduleDailySummaryWorker(DailySummaries summaries, Retries retries) {
        this.summaries = summaries;
        this.retries = retries;
    }

    @Override
    public void execute(ExternalTask task, ExternalTaskService service) {
        retries.completeOrRetry(task, service, () -> {
            DailySummaries.NextSummary next = summaries.next(task.getVariable("clientId"), Instant.now());
            return Map.of("summaryDueAt", Date.from(next.dueAt()), "lastSummary", next.last());
        });
    }
}
