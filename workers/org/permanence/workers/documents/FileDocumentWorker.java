package org.permanence.workers.documents;

import java.util.Map;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.permanence.documents.DocumentFiling;
import org.permanence.documents.StoredDocument;
import org.permanence.system.WorkerNode;
import org.permanence.workers.CaseClient;
import org.permanence.workers.Retries;
import org.springframework.stereotype.Component;

/**
 * Topic {@code file-document}: files the document under its category, by the secretary's word
 * ({@code classifiedBy}) or the model's. A category the client does not have sends the document
 * back to a secretary (BPMN error) with the reason.
 */
@Component
@WorkerNode
@ExternalTaskSubscription(topicName = "file-document", variableNames = {"clientId", "documentId", "category", "classifiedBy"})
class FileDocumentWorker implements ExternalTaskHandler {

    static final String CATEGORY_UNKNOWN = "CategoryUnknown";

    private final DocumentFiling filing;
    private final Retries retries;

    FileDocumentWorker(DocumentFiling filing, Retries retries) {
        this.filing = filing;
        this.retries = retries;
    }

    @Override
    public void execute(ExternalTask task, ExternalTaskService service) {
        String classifiedBy = task.getVariable("classifiedBy");
        retries.completeOrRaise(task, service, () -> Map.of("filedKey", filing.file(CaseClient.of(task), task.getVariable("documentId"),
                task.getVariable("category"), classifiedBy == null ? StoredDocument.BY_MODEL : classifiedBy)),
                DocumentFiling.UnknownCategory.class, CATEGORY_UNKNOWN, "categoryProblem");
    }
}
