package org.permanence.workers.calls;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.permanence.notifications.DailySummaries;
import org.permanence.calls.CallRecords;
import org.permanence.system.WorkerNode;
import org.permanence.workers.Retries;
import org.springframework.stereotype.Component;

/** Topic {@code add-to-daily-summary}: the call's message waits for the client's daily summary. */
@Component
@WorkerNode
// only the variables messageOf reads: the call has some twenty, its briefing card among them
@ExternalTaskSubscription(topicName = "add-to-daily-summary", variableNames = {"clientId", "callerName", "callerNumber", "reason", "category", "mood", "notes"})
class AddToDailySummaryWorker extends CallMessageWorker {

    AddToDailySummaryWorker(DailySummaries summaries, CallRecords calls, Retries retries) {
        super(summaries::keep, calls, retries);
    }
}
