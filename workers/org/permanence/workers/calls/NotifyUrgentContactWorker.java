package org.permanence.workers.calls;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.permanence.notifications.ClientNotifications;
import org.permanence.system.WorkerNode;
import org.springframework.stereotype.Component;

/** Topic {@code notify-urgent-contact}: an urgent call, by e-mail to the client's urgent contact now. */
@Component
@WorkerNode
@ExternalTaskSubscription(topicName = "notify-urgent-contact")
class NotifyUrgentContactWorker extends CallMessageWorker {

    NotifyUrgentContactWorker(ClientNotifications notifications) {
        super(notifications::tellUrgently);
    }
}
