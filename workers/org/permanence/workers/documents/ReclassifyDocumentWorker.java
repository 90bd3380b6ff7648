package org.permanence.workers.documents;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.permanence.documents.DocumentCorrection;
import org.permanence.documents.DocumentRecords;
import org.permanence.system.FieldProblem;
import org.permanence.system.FieldProblems;
import org.permanence.system.InvalidRequest;
import org.permanence.system.WorkerNode;
import org.permanence.workers.CaseClient;
import org.permanence.workers.Retries;
import org.springframework.stereotype.Component;

/**
 * Topic {@code reclassify-document}: files the reviewed document under the category the secretary
 * chose in *Vérifier le classement*, in her name ({@code reviewedBy}); the same category changes
 * nothing. A refused correction (a category the client no longer has, a change meanwhile) goes back
 * to her task with the reason, in French like the form.
 */
@Component
@WorkerNode
@ExternalTaskSubscription(topicName = "reclassify-document", variableNames = {"clientId", "documentId", "category", "reviewedBy"})
class ReclassifyDocumentWorker implements ExternalTaskHandler {

    static final String CORRECTION_REFUSED = "CorrectionRefused";

    private final DocumentCorrection correction;
    private final DocumentRecords records;
    private final FieldProblems problems;
    private final Retries retries;

    ReclassifyDocumentWorker(DocumentCorrection correction, DocumentRecords records, FieldProblems problems, Retries retries) {
        this.correction = correction;
        this.records = records;
        this.problems = problems;
        this.retries = retries;
    }

    @Override
    public void execute(ExternalTask task, ExternalTaskService service) {
        retries.completeOrRaise(task, service, () -> {
            try {
                return Map.of("filedKey", correction.correct(records.getOfClient(CaseClient.of(task), task.getVariable("documentId")),
                        task.getVariable("category"), task.getVariable("reviewedBy")).filedKey());
            } catch (InvalidRequest refused) {
                throw new Refused(problems.say(refused.problems(), Locale.FRENCH).stream().map(FieldProblem::message)
                        .collect(Collectors.joining(" ; ")));
            }
        }, Refused.class, CORRECTION_REFUSED, "reviewProblem");
    }

    /** A correction the office's rules refuse: no technical trouble, nothing to retry. */
    private static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason);
        }
    }
}
