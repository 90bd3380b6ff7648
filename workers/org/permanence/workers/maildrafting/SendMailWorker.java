package org.permanence.workers.maildrafting;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.permanence.drafting.MailDrafts;
import org.permanence.system.WorkerNode;
import org.permanence.workers.Retries;
import org.springframework.stereotype.Component;

/** Topic {@code send-mail}: the reviewed mail, with its letter and attachments, through SMTP, once per case however often retried. */
@Component
@WorkerNode
@ExternalTaskSubscription(topicName = "send-mail")
class SendMailWorker implements ExternalTaskHandler {

    private final MailDrafts drafts;
    private final Retries retries;

    SendMailWorker(MailDrafts drafts, Retries retries) {
        this.drafts = drafts;
        this.retries = retries;
    }

    @Override
    public void execute(ExternalTask task, ExternalTaskService service) {
        retries.completeOrRetry(task, service, () -> {
            MailDrafts.Sent sent = drafts.send(OutgoingDraft.of(task));
            Map<String, Object> variables = new HashMap<>();
            variables.put("messageId", sent.messageId());
            variables.put("sentEmlKey", sent.emlKey());
            variables.put("sentLetterKey", sent.letterKey());
            return variables;
        });
    }
}
