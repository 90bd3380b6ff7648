package org.permanence.drafting.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.permanence.drafting.WaitingDraft;
import org.permanence.people.engine.AsTheOffice;
import org.permanence.system.EngineNode;
import org.springframework.stereotype.Component;

/**
 * A client's answer to a draft awaiting its approval, however it comes: a signed link from the approval mail
 * ({@link DraftApprovalLinks}), or one of its people in the client portal. Both hand the waiting mail-drafting
 * instance the same answer. The portal's reads and answers run as the office, always for the one client named:
 * its people hold no engine rights, and a draft of another client is none they can find or answer.
 */
@Component
@EngineNode
public class DraftAnswers {

    static final String MESSAGE = "ClientAnsweredDraft";
    private static final String WAITING_STEP = "AwaitClientApproval";

    private final RuntimeService runtime;
    private final IdentityService identity;

    DraftAnswers(RuntimeService runtime, IdentityService identity) {
        this.runtime = runtime;
        this.identity = identity;
    }

    /** The client's drafts waiting for its answer, oldest first. */
    public List<WaitingDraft> waiting(String clientId) {
        return AsTheOffice.run(identity, () -> waitingSteps(clientId, null).stream()
                .map(step -> {
                    Map<String, Object> draft = runtime.getVariables(step.getProcessInstanceId(), List.of("draftSubject", "draftText"));
                    return new WaitingDraft(step.getProcessInstanceId(), (String) draft.get("draftSubject"), (String) draft.get("draftText"));
                })
                .toList());
    }

    /** Answers the client's waiting draft; false, changing nothing, when no draft of this client waits under that case. */
    public boolean answer(String clientId, String caseId, boolean approve, String comment) {
        return AsTheOffice.run(identity, () -> {
            if (waitingSteps(clientId, caseId).isEmpty()) {
                return false;
            }
            correlate(caseId, approve, comment);
            return true;
        });
    }

    /** The answer to the case's waiting instance; fails with the engine's mismatch when it waits no more. */
    void correlate(String caseId, boolean approve, String comment) {
        Map<String, Object> answer = new HashMap<>();
        answer.put("clientAnswer", approve ? "approve" : "change");
        answer.put("clientComment", comment == null || comment.isBlank() ? null : comment.strip());
        runtime.createMessageCorrelation(MESSAGE).processInstanceId(caseId).setVariables(answer).correlate();
    }

    private List<Execution> waitingSteps(String clientId, String caseId) {
        var query = runtime.createExecutionQuery().activityId(WAITING_STEP).tenantIdIn(clientId);
        if (caseId != null) {
            query.processInstanceId(caseId);
        }
        return query.list();
    }
}
