package org.permanence.workers.calls;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.permanence.notifications.DailySummaries;
import org.permanence.system.WorkerNode;
import org.springframework.stereotype.Component;

/** Topic {@code add-to-daily-summary}: the call's message waits for the client's daily summary. */
@Component
@WorkerNode
@ExternalTaskSubscription(topicName = "add-to-daily-summary")
class AddToDailySummaryWorker extends CallMessageWorker {

    AddToDailySummaryWorker(DailySummaries summaries) {
        super(summaries::keep);
    }
}
