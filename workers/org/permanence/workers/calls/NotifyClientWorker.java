package org.permanence.workers.calls;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.permanence.notifications.ClientNotifications;
import org.permanence.system.WorkerNode;
import org.springframework.stereotype.Component;

/** Topic {@code notify-client}: the call's message, by e-mail to the client now. */
@Component
@WorkerNode
@ExternalTaskSubscription(topicName = "notify-client")
class NotifyClientWorker extends CallMessageWorker {

    NotifyClientWorker(ClientNotifications notifications) {
        super(notifications::tellNow);
    }
}
