package org.permanence.workers.documents;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.permanence.documents.DocumentReading;
import org.permanence.documents.DocumentUnreadable;
import org.permanence.system.WorkerNode;
import org.permanence.workers.CaseClient;
import org.permanence.workers.Retries;
import org.springframework.stereotype.Component;

/**
 * Topic {@code extract-document}: reads the document. One that cannot be read (encrypted, corrupt,
 * empty, too large…) goes to a secretary with the reason (BPMN error), never to a retry; OCR of a
 * long scan may take minutes, hence the longer lock.
 */
@Component
@WorkerNode
@ExternalTaskSubscription(topicName = "extract-document", variableNames = {"clientId", "documentId"}, lockDuration = 600_000)
class ExtractDocumentWorker implements ExternalTaskHandler {

    static final String UNREADABLE = "DocumentUnreadable";

    private final DocumentReading reading;
    private final Retries retries;

    ExtractDocumentWorker(DocumentReading reading, Retries retries) {
        this.reading = reading;
        this.retries = retries;
    }

    @Override
    public void execute(ExternalTask task, ExternalTaskService service) {
        retries.completeOrRaise(task, service, () -> reading.read(CaseClient.of(task), task.getVariable("documentId")), DocumentUnreadable.class,
                UNREADABLE, "unreadableReason");
    }
}
