package org.permanence.dashboard;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.permanence.dashboard.engine.OfficeFigures;

/**
 * Mails waiting for a client's approval, as the engine holds them: a real instance of mail-drafting.bpmn
 * started at the step where it waits — for the client's answer, or for a secretary to obtain it.
 */
public final class WaitingMails {

    private WaitingMails() {
    }

    /** The case id of a draft the client has not answered yet. */
    public static String awaitingClient(RuntimeService runtime, String clientId, String clientName) {
        return startAt(runtime, OfficeFigures.AWAIT_CLIENT_APPROVAL, clientId, clientName);
    }

    /** The case id of a draft the client left unanswered too long: a secretary must obtain the approval. */
    public static String withSecretary(RuntimeService runtime, String clientId, String clientName) {
        return startAt(runtime, OfficeFigures.OBTAIN_CLIENT_APPROVAL, clientId, clientName);
    }

    private static String startAt(RuntimeService runtime, String step, String clientId, String clientName) {
        return runtime.createProcessInstanceByKey(OfficeFigures.MAIL_DRAFTING)
                .setVariables(Map.of("clientId", clientId, "clientName", clientName, "subject", "Votre rendez-vous",
                        "approvalRemindAfter", "PT24H", "approvalEscalateAfter", "PT72H"))
                .startBeforeActivity(step)
                .execute().getId();
    }
}
