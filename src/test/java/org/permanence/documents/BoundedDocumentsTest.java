package org.permanence.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.documents.Uploads.upload;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.permanence.Eventually;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestOffice;
import org.permanence.clients.Clients;
import org.permanence.clients.engine.ClientTenants;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The small files that each took gigabytes of a node, uploaded by a stranger's means (the intake
 * every upload link, mailbox and watched folder leads to): each ends at once as *Traiter le
 * document illisible* with the reason in French, tried once, with no failure, retry or incident,
 * and the node answers its health check as UP all along. What the reading costs is measured in
 * {@link DocumentBoundsTest}.
 */
@OfficeIntegrationTest
class BoundedDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Clients clients;
    @Autowired
    ClientTenants tenants;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    DocumentRecords records;

    private String plumber;

    @BeforeEach
    void newPlumber() {
        plumber = Uploads.plumberServedByClaire(clients, tenants);
    }

    @Test
    void aPictureOfThirtyThousandPixelsASideGoesToASecretary() throws Exception {
        endsUnreadable(HostileDocuments.hugePng(), "scan.png", "L’image mesure 30000 × 30000 pixels");
    }

    @Test
    void aTinyPdfWithAGiantPageGoesToASecretary() throws Exception {
        endsUnreadable(HostileDocuments.giantPagePdf(), "plan.pdf", "La page 1 du PDF mesure 353 × 353 cm");
    }

    @Test
    void aDocxBombGoesToASecretary() throws Exception {
        endsUnreadable(HostileDocuments.docxBomb(), "contrat.docx", "Une partie du fichier (word/document.xml) se décompresse");
    }

    @Test
    void aPdfInflatingToHalfAGigabyteGoesToASecretary() throws Exception {
        endsUnreadable(HostileDocuments.inflatingPdf(), "releve.pdf", "Le fichier se décompresse en plus de 100 Mo");
    }

    private void endsUnreadable(byte[] file, String name, String reason) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger checks = new AtomicInteger();
        List<String> notUp = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> health = CompletableFuture.runAsync(() -> {
            while (!done.get()) {
                try {
                    HttpResponse<String> answer = TestOffice.call("GET", SharedNode.baseUrl() + "/actuator/health", null, null, null);
                    if (answer.statusCode() != 200 || !"UP".equals(JSON.readTree(answer.body()).path("status").asText())) {
                        notUp.add(answer.statusCode() + " " + answer.body());
                    }
                } catch (Exception e) {
                    notUp.add(e.toString());
                }
                checks.incrementAndGet();
            }
        });
        try {
            HttpResponse<String> uploaded = upload(plumber, name, file, "claire");
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
            String documentId = JSON.readTree(uploaded.body()).get("documentId").asText();

            Eventually.await("the unreadable-document task for " + name, () -> tasks.createTaskQuery()
                    .processInstanceBusinessKey("document:" + documentId).taskDefinitionKey("HandleUnreadableDocument").count() == 1);
            Task task = tasks.createTaskQuery().processInstanceBusinessKey("document:" + documentId).singleResult();
            assertThat((String) tasks.getVariable(task.getId(), "unreadableReason")).startsWith(reason);
            assertThat(records.get(documentId).status()).isEqualTo(StoredDocument.UNREADABLE);

            ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("document:" + documentId).singleResult();
            assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
            assertThat(history.createHistoricExternalTaskLogQuery().processInstanceId(instance.getId()).failureLog().count())
                    .as("failed tries of the reading").isZero();
            assertThat(history.createHistoricExternalTaskLogQuery().processInstanceId(instance.getId()).creationLog()
                    .activityIdIn("ExtractDocument").count()).as("times the reading was handed out").isEqualTo(1);
        } finally {
            done.set(true);
            health.join();
        }
        assertThat(notUp).as("health answers other than UP while the document was read").isEmpty();
        assertThat(checks.get()).isPositive();
    }
}
