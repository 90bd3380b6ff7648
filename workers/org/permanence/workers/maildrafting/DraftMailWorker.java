package org.permanence.workers.maildrafting;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.permanence.drafting.CaseFacts;
import org.permanence.drafting.MailDrafts;
import org.permanence.drafting.MailTemplates;
import org.permanence.system.WorkerNode;
import org.permanence.workers.Retries;
import org.springframework.stereotype.Component;

/**
 * Topic {@code draft-mail}: the chosen template of the client, filled with the case's facts, for the
 * secretary to review; BPMN error {@code draft-impossible} when the client or the template does not exist.
 */
@Component
@WorkerNode
@ExternalTaskSubscription(topicName = "draft-mail")
class DraftMailWorker implements ExternalTaskHandler {

    static final String DRAFT_IMPOSSIBLE = "draft-impossible";

    private final MailDrafts drafts;
    private final Retries retries;

    DraftMailWorker(MailDrafts drafts, Retries retries) {
        this.drafts = drafts;
        this.retries = retries;
    }

    @Override
    public void execute(ExternalTask task, ExternalTaskService service) {
        Map<String, Object> variables;
        try {
            variables = drafted(task);
        } catch (MailTemplates.DraftImpossible e) {
            // a business outcome: the process hands the request to a secretary to correct
            service.handleBpmnError(task, DRAFT_IMPOSSIBLE, e.getMessage(), Map.of("draftProblem", e.getMessage()));
            return;
        } catch (RuntimeException e) {
            retries.fail(task, service, e);
            return;
        }
        retries.completeOrRetry(task, service, () -> variables);
    }

    private Map<String, Object> drafted(ExternalTask task) {
        Map<String, Object> facts = new HashMap<>(task.getAllVariables());
        String reference = task.getVariable("reference");
        facts.put("reference", reference != null ? reference : MailDrafts.referenceFor(task.getProcessInstanceId()));
        String template = task.getVariable("templateCode");
        MailDrafts.Drafted drafted = drafts.draft(task.getVariable("clientId"), template == null ? "answer" : template,
                CaseFacts.of(facts));
        Map<String, Object> variables = new HashMap<>();
        variables.put("reference", facts.get("reference"));
        variables.put("clientName", drafted.clientName());
        variables.put("draftSubject", drafted.draft().subject());
        variables.put("draftText", drafted.draft().text());
        variables.put("draftLetter", drafted.draft().letter());
        variables.put("clientApproval", drafted.clientApproval());
        variables.put("draftProblem", null);
        if (task.getVariable("recipientAddress") == null) {
            variables.put("recipientAddress", task.getVariable("callerName"));
        }
        return variables;
    }
}
