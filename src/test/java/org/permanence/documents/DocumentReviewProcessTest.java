package org.permanence.documents;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTask;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTaskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.permanence.ProcessTestEngine;

/**
 * Every path of document-review.bpmn on the real engine; the reclassify worker is played by the
 * test at the external-task boundary (its work is DocumentCorrection's, tested on the node).
 */
@Tag("process")
@Deployment(resources = {"processes/document-review.bpmn", "forms/review-filing.form"})
class DocumentReviewProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessTestEngine.extension();

    ProcessEngine engine;

    @BeforeEach
    void assertOnThisEngine() {
        init(engine);
    }

    @Test
    void theSecretarysChoiceIsReclassifiedInHerName() {
        ProcessInstance review = asked();

        assertThat(review).isWaitingAt("ReviewFiling");
        assertThat(task()).hasCandidateGroup("secretaries").hasName("Vérifier le classement — devis chauffe-eau.pdf");
        taskService().claim(task().getId(), "claire");
        complete(task(), withVariables("category", "devis"));

        assertThat(review).isWaitingAt("ReclassifyDocument").externalTask().hasTopicName("reclassify-document");
        assertThat(review).variables().containsEntry("reviewedBy", "claire").containsEntry("category", "devis");
        complete(externalTask(), withVariables("filedKey", "filed/plomberie-leroy/devis/2026/d1.pdf"));
        assertThat(review).hasPassed("ReviewDone").isEnded();
    }

    @Test
    void aRefusedCorrectionGoesBackToHerWithTheReason() {
        ProcessInstance review = asked();
        assertThat(review).isWaitingAt("ReviewFiling");
        taskService().claim(task().getId(), "claire");
        complete(task(), withVariables("category", "devis"));

        String reason = "quelqu’un d’autre a modifié ce document entre-temps : rechargez la page";
        LockedExternalTask locked = externalTaskService().fetchAndLock(1, "test-worker").topic("reclassify-document", 60_000).execute().get(0);
        externalTaskService().handleBpmnError(locked.getId(), "test-worker", "CorrectionRefused", reason, Map.of("reviewProblem", reason));

        assertThat(review).isWaitingAt("ReviewFiling").variables().containsEntry("reviewProblem", reason);
        complete(task(), withVariables("category", "facture"));
        assertThat(review).isWaitingAt("ReclassifyDocument");
        complete(externalTask());
        assertThat(review).hasPassed("ReviewDone").isEnded();
    }

    private static ProcessInstance asked() {
        return runtimeService().startProcessInstanceByKey("document-review", "document-review:d1",
                Map.of("clientId", "plomberie-leroy", "documentId", "d1", "originalName", "devis chauffe-eau.pdf",
                        "previewUrl", "/api/documents/d1/preview", "category", "facture",
                        "filedAs", "Facture — Classé automatiquement (0,93)", "requestedBy", "nadia"));
    }
}
