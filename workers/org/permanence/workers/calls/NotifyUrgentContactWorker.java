package org.permanence.workers.calls;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.permanence.notifications.ClientNotifications;
import org.permanence.calls.CallRecords;
import org.permanence.system.WorkerNode;
import org.permanence.workers.Retries;
import org.springframework.stereotype.Component;

/** Topic {@code notify-urgent-contact}: an urgent call, by e-mail to the client's urgent contact now. */
@Component
@WorkerNode
// only the variables messageOf reads: the call has some twenty, its briefing card among them
@ExternalTaskSubscription(topicName = "notify-urgent-contact", variableNames = {"clientId", "callerName", "callerNumber", "reason", "category", "mood", "notes"})
class NotifyUrgentContactWorker extends CallMessageWorker {

    NotifyUrgentContactWorker(ClientNotifications notifications, CallRecords calls, Retries retries) {
        super(notifications::tellUrgently, calls, retries);
    }
}
