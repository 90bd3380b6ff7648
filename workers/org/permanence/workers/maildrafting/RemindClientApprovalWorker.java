package org.permanence.workers.maildrafting;

import java.util.Map;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.permanence.drafting.ClientApprovals;
import org.permanence.system.WorkerNode;
import org.permanence.workers.Retries;
import org.springframework.stereotype.Component;

/** Topic {@code remind-client-approval}: the draft again to a client who has not answered, with fresh links. */
@Component
@WorkerNode
@ExternalTaskSubscription(topicName = "remind-client-approval")
class RemindClientApprovalWorker extends ApprovalWorker {

    RemindClientApprovalWorker(ClientApprovals approvals, Retries retries) {
        super(approvals::remind, retries, Map.of());
    }
}
