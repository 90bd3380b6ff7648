package org.permanence.workers.maildrafting;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.permanence.drafting.ClientApprovals;
import org.permanence.system.WorkerNode;
import org.permanence.workers.Retries;
import org.springframework.stereotype.Component;

/** Topic {@code ask-client-approval}: the draft to the client, with its approve and change links; sets the reminder and escalation delays. */
@Component
@WorkerNode
@ExternalTaskSubscription(topicName = "ask-client-approval")
class AskClientApprovalWorker extends ApprovalWorker {

    AskClientApprovalWorker(ClientApprovals approvals, Retries retries) {
        super(approvals::ask, retries, timing(approvals));
    }
}
