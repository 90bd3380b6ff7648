package org.permanence.workers.documents;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.permanence.documents.DocumentClassifying;
import org.permanence.system.WorkerNode;
import org.permanence.workers.CaseClient;
import org.permanence.workers.Retries;
import org.springframework.stereotype.Component;

/** Topic {@code classify-document}: the client's model suggests a category, and whether it is sure enough to file. */
@Component
@WorkerNode
@ExternalTaskSubscription(topicName = "classify-document", variableNames = {"clientId", "documentId"})
class ClassifyDocumentWorker implements ExternalTaskHandler {

    private final DocumentClassifying classifying;
    private final Retries retries;

    ClassifyDocumentWorker(DocumentClassifying classifying, Retries retries) {
        this.classifying = classifying;
        this.retries = retries;
    }

    @Override
    public void execute(ExternalTask task, ExternalTaskService service) {
        retries.completeOrRetry(task, service, () -> classifying.classify(CaseClient.of(task), task.getVariable("documentId")));
    }
}
