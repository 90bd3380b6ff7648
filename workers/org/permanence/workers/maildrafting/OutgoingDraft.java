package org.permanence.workers.maildrafting;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.client.task.ExternalTask;
import org.permanence.drafting.MailDrafts;
import org.permanence.workers.CaseClient;

/** The reviewed mail as the process holds it, for the steps that send and archive it. */
final class OutgoingDraft {

    private OutgoingDraft() {
    }

    static MailDrafts.Outgoing of(ExternalTask task) {
        String attachments = task.getVariable("attachmentKeys");
        List<String> keys = attachments == null || attachments.isBlank() ? List.of()
                : Arrays.stream(attachments.split("\n")).map(String::strip).filter(key -> !key.isEmpty()).toList();
        Boolean letter = task.getVariable("draftLetter");
        return new MailDrafts.Outgoing(task.getProcessInstanceId(), CaseClient.of(task), task.getVariable("reference"),
                task.getVariable("recipientEmail"), task.getVariable("recipientAddress"), task.getVariable("draftSubject"),
                task.getVariable("draftText"), Boolean.TRUE.equals(letter), keys);
    }
}
