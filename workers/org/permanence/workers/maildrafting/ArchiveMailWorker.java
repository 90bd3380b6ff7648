package org.permanence.workers.maildrafting;

import java.util.Map;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.permanence.drafting.MailDrafts;
import org.permanence.system.WorkerNode;
import org.permanence.workers.Retries;
import org.springframework.stereotype.Component;

/** Topic {@code archive-mail}: the sent mail ({@code .eml}) and its letter filed under the client, linked to the case. */
@Component
@WorkerNode
@ExternalTaskSubscription(topicName = "archive-mail")
class ArchiveMailWorker implements ExternalTaskHandler {

    private final MailDrafts drafts;
    private final Retries retries;

    ArchiveMailWorker(MailDrafts drafts, Retries retries) {
        this.drafts = drafts;
        this.retries = retries;
    }

    @Override
    public void execute(ExternalTask task, ExternalTaskService service) {
        retries.completeOrRetry(task, service, () -> {
            MailDrafts.Sent sent = new MailDrafts.Sent(task.getVariable("messageId"), task.getVariable("sentEmlKey"),
                    task.getVariable("sentLetterKey"));
            return Map.of("archivedEmlKey", drafts.archive(OutgoingDraft.of(task), sent));
        });
    }
}
