package org.permanence.documents;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Tag;
import org.permanence.ProcessTestEngine;

/**
 * Every path of document-classification.bpmn on the real engine; the three workers are played by
 * the test at the external-task boundary (their own work is tested in the documents package).
 */
@Tag("process")
@Deployment(resources = {"processes/document-classification.bpmn", "forms/classify-document.form", "forms/unreadable-document.form"})
class DocumentClassificationProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessTestEngine.extension();

    ProcessEngine engine;

    @BeforeEach
    void assertOnThisEngine() {
        init(engine);
    }

    @Test
    void aConfidentSuggestionIsFiledWithoutAskingAnyone() {
        ProcessInstance document = received();
        readIt(document);

        assertThat(document).isWaitingAt("SuggestCategory").externalTask().hasTopicName("classify-document");
        complete(externalTask(), withVariables("category", "invoice", "confident", true));

        assertThat(document).isWaitingAt("FileDocument").externalTask().hasTopicName("file-document");
        assertThat(document).hasNotPassed("ClassifyDocument");
        complete(externalTask(), withVariables("filedKey", "filed/plomberie-leroy/invoice/2026/d1.pdf"));
        assertThat(document).hasPassed("DocumentFiled").isEnded();
    }

    @Test
    void anUnsureSuggestionAsksASecretaryAndHerAnswerIsFiledInHerName() {
        ProcessInstance document = received();
        readIt(document);
        complete(externalTask(), withVariables("category", "receipt", "confident", false));

        assertThat(document).isWaitingAt("ClassifyDocument");
        assertThat(task()).hasCandidateGroup("secretaries").hasName("Classer le document — facture-mars.pdf");
        taskService().claim(task().getId(), "claire");
        complete(task(), withVariables("category", "invoice"));

        assertThat(document).isWaitingAt("FileDocument").variables().containsEntry("classifiedBy", "claire").containsEntry("category", "invoice");
        complete(externalTask());
        assertThat(document).hasPassed("ClassifyDocument", "DocumentFiled").isEnded();
    }

    @Test
    void aDocumentThatCannotBeReadGoesToASecretaryWithTheReason() {
        ProcessInstance document = received();

        assertThat(document).isWaitingAt("ExtractDocument").externalTask().hasTopicName("extract-document");
        failAsBusiness("extract-document", "DocumentUnreadable", "Le PDF est protégé par un mot de passe");

        assertThat(document).isWaitingAt("HandleUnreadableDocument").variables()
                .containsEntry("unreadableReason", "Le PDF est protégé par un mot de passe");
        assertThat(task()).hasCandidateGroup("secretaries");
        complete(task(), withVariables("unreadableOutcome", "Demandé au client une version sans mot de passe"));
        assertThat(document).hasPassed("DocumentSetAside").hasNotPassed("SuggestCategory").isEnded();
    }

    @Test
    void aCategoryTheClientDoesNotHaveIsAskedAgain() {
        ProcessInstance document = received();
        readIt(document);
        complete(externalTask(), withVariables("category", "", "confident", false));
        taskService().claim(task().getId(), "sophie");
        complete(task(), withVariables("category", "recette"));

        failAsBusiness("file-document", "CategoryUnknown", "« recette » n'est pas une catégorie de Plomberie Leroy");

        assertThat(document).isWaitingAt("ClassifyDocument").variables()
                .containsEntry("categoryProblem", "« recette » n'est pas une catégorie de Plomberie Leroy");
        complete(task(), withVariables("category", "devis"));
        complete(externalTask());
        assertThat(document).hasPassed("DocumentFiled").isEnded();
    }

    private static ProcessInstance received() {
        return runtimeService().startProcessInstanceByKey("document-classification", "document:d1",
                Map.of("clientId", "plomberie-leroy", "documentId", "d1", "originalName", "facture-mars.pdf",
                        "previewUrl", "/api/documents/d1/preview"));
    }

    private static void readIt(ProcessInstance document) {
        assertThat(document).isWaitingAt("ExtractDocument");
        complete(externalTask(), withVariables("mediaType", "application/pdf", "pages", 1, "textExcerpt", "Facture n° 12"));
    }

    private static void failAsBusiness(String topic, String errorCode, String reason) {
        LockedExternalTask locked = externalTaskService().fetchAndLock(1, "test-worker").topic(topic, 60_000).execute().get(0);
        externalTaskService().handleBpmnError(locked.getId(), "test-worker", errorCode, reason,
                Map.of(errorCode.equals("DocumentUnreadable") ? "unreadableReason" : "categoryProblem", reason));
    }
}
