package org.permanence.workers.maildrafting;

import java.util.Map;

import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.permanence.drafting.ClientApprovals;
import org.permanence.workers.Retries;

/**
 * The two workers that mail the client its draft to approve differ only in the wording (first ask
 * or reminder); both read the same variables and send once per version of the draft.
 */
abstract class ApprovalWorker implements ExternalTaskHandler {

    @FunctionalInterface
    interface Ask {
        void send(String caseId, String clientId, String subject, String text);
    }

    private final Ask ask;
    private final Retries retries;
    private final Map<String, Object> answer;

    ApprovalWorker(Ask ask, Retries retries, Map<String, Object> answer) {
        this.ask = ask;
        this.retries = retries;
        this.answer = answer;
    }

    @Override
    public void execute(ExternalTask task, ExternalTaskService service) {
        retries.completeOrRetry(task, service, () -> {
            ask.send(task.getProcessInstanceId(), task.getVariable("clientId"), task.getVariable("draftSubject"), task.getVariable("draftText"));
            return answer;
        });
    }

    /** The delays of the waiting that follows, as ISO-8601 durations for the timers. */
    static Map<String, Object> timing(ClientApprovals approvals) {
        return Map.of("approvalRemindAfter", approvals.timing().approvalReminder().toString(),
                "approvalEscalateAfter", approvals.timing().approvalEscalation().toString());
    }
}
