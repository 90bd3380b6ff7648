package org.permanence.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.documents.Uploads.get;
import static org.permanence.documents.Uploads.invoice;
import static org.permanence.documents.Uploads.upload;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.permanence.Eventually;
import org.permanence.OfficeIntegrationTest;
import org.permanence.clients.Clients;
import org.permanence.clients.engine.ClientTenants;
import org.permanence.storage.ObjectStorage;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Documents uploaded to a running node, made by the test: the original stored first, read, asked
 * about, filed under client/category/year, the answer learnt (one is not enough to file the next
 * alone); copies linked, locked and misnamed files handled, strangers refused; the watched folder.
 */
@OfficeIntegrationTest
class DocumentIntakeTest {

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
    DocumentRecords records;
    @Autowired
    ObjectStorage objects;
    @Autowired
    ModelStore models;
    @Autowired
    DocumentProperties documents;

    private String plumber;

    @BeforeEach
    void newPlumber() {
        plumber = Uploads.plumberServedByClaire(clients, tenants);
    }

    @Test
    void aSecretarysAnswerIsFiledAndLearntButOneAnswerIsNotEnoughToFileTheNextAlone() throws Exception {
        byte[] invoice = TestDocuments.textPdf(1, invoice("2026-0101"));
        JsonNode receipt = uploaded(upload(plumber, "Facture mars.pdf", invoice, "claire"), 201);
        String documentId = receipt.get("documentId").asText();
        assertThat(receipt.get("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(objects.exists(DocumentObjects.original(plumber, documentId))).isTrue();

        Task ask = awaitTask(documentId, "ClassifyDocument");
        assertThat(ask.getTenantId()).isEqualTo(plumber);
        assertThat(ask.getName()).isEqualTo("Classer le document — Facture mars.pdf");
        assertThat((String) tasks.getVariable(ask.getId(), "textExcerpt")).contains("FACTURE");
        assertThat((String) tasks.getVariable(ask.getId(), "amount")).isEqualTo("480,00 EUR");
        HttpResponse<byte[]> preview = get("/api/documents/" + documentId + "/preview", "claire");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).startsWith(0x89, 'P', 'N', 'G');
        assertThat(get("/api/documents/" + documentId + "/preview", "sophie").statusCode()).isEqualTo(404);

        tasks.claim(ask.getId(), "claire");
        tasks.complete(ask.getId(), java.util.Map.of("category", "facture"));
        StoredDocument filed = awaitStatus(documentId, StoredDocument.FILED);
        assertThat(filed.classifiedBy()).isEqualTo("claire");
        assertThat(filed.filedKey()).startsWith("filed/" + plumber + "/facture/20").endsWith(documentId + ".pdf");
        assertThat(objects.exists(filed.filedKey())).isTrue();
        Eventually.await("the plumber's model retrained on claire's answer", () -> models.latestVersion(plumber).isPresent());

        String nextId = uploaded(upload(plumber, "scan.pdf", TestDocuments.textPdf(1, invoice("2026-0102")), "claire"), 201)
                .get("documentId").asText();
        // the plumber's model suggests facture now, from one document: a secretary is still asked (AutomaticFiling)
        Task again = awaitTask(nextId, "ClassifyDocument");
        assertThat(tasks.getVariable(again.getId(), "category")).isEqualTo("facture");
        assertThat(tasks.getVariable(again.getId(), "askedBecause")).isEqualTo(AutomaticFiling.Verdict.TOO_FEW_EXAMPLES.name());
        assertThat(records.get(nextId).modelVersion()).isEqualTo(plumber + "-v" + models.latestVersion(plumber).orElseThrow());
    }

    @Test
    void theSameBytesSentAgainAreLinkedToTheFirstDocumentNotWorkedTwice() throws Exception {
        byte[] invoice = TestDocuments.textPdf(1, invoice("2026-0200"));
        String first = uploaded(upload(plumber, "facture.pdf", invoice, "claire"), 201).get("documentId").asText();

        JsonNode again = uploaded(upload(plumber, "facture (1).pdf", invoice, "claire"), 200);
        assertThat(again.get("documentId").asText()).isEqualTo(first);
        assertThat(again.get("copy").asBoolean()).isTrue();
        assertThat(records.copies(first)).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("document:" + first).count()).isEqualTo(1);
    }

    @Test
    void aLockedPdfGoesToASecretaryWithTheReason() throws Exception {
        String documentId = uploaded(upload(plumber, "releve.pdf", TestDocuments.encryptedPdf(invoice("2026-0300")), "claire"), 201)
                .get("documentId").asText();

        Task unreadable = awaitTask(documentId, "HandleUnreadableDocument");
        assertThat((String) tasks.getVariable(unreadable.getId(), "unreadableReason")).contains("mot de passe");
        assertThat(awaitStatus(documentId, StoredDocument.UNREADABLE).mediaType()).isEqualTo("application/pdf");
    }

    @Test
    void theTypeIsJudgedFromTheBytesAndTheNameCleaned() throws Exception {
        JsonNode receipt = uploaded(upload(plumber, "../../facture<1>.pdf", TestDocuments.scanPng(invoice("2026-0400")), "claire"), 201);

        assertThat(receipt.get("mediaType").asText()).isEqualTo("image/png");
        assertThat(receipt.get("originalName").asText()).isEqualTo("facture_1_.pdf");
    }

    @Test
    void aFileDroppedInTheClientsFolderIsTakenInAndAnEmptyOneSetAsideWithTheReason() throws Exception {
        Path inbox = Files.createDirectories(documents.inbox().resolve(plumber));
        Files.write(inbox.resolve("scan-0500.docx"), TestDocuments.docx(invoice("2026-0500")));
        Files.write(inbox.resolve("vide.pdf"), new byte[0]);

        Eventually.await("the docx taken from the inbox", () -> records.ofClient(plumber).stream()
                .anyMatch(d -> d.originalName().equals("scan-0500.docx") && d.source().equals("FOLDER")));
        String documentId = records.ofClient(plumber).get(0).id();
        awaitTask(documentId, "ClassifyDocument");
        assertThat(inbox.resolve("scan-0500.docx")).doesNotExist();
        assertThat(inbox.resolve(".refused/vide.pdf.reason.txt")).content().contains("the file is empty");
    }

    @Test
    void onlyTheClientsSecretariesUploadAndAnEmptyFileIsRefused() throws Exception {
        assertThat(upload(plumber, "facture.pdf", TestDocuments.textPdf(1, invoice("1")), "sophie").statusCode()).isEqualTo(403);
        HttpResponse<String> empty = upload(plumber, "vide.pdf", new byte[0], "claire");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("the file is empty");
    }

    private Task awaitTask(String documentId, String taskKey) {
        Eventually.await(taskKey + " for document " + documentId, () -> tasks.createTaskQuery()
                .processInstanceBusinessKey("document:" + documentId).taskDefinitionKey(taskKey).count() == 1);
        return tasks.createTaskQuery().processInstanceBusinessKey("document:" + documentId).taskDefinitionKey(taskKey).singleResult();
    }

    private StoredDocument awaitStatus(String documentId, String status) {
        Eventually.await("document " + documentId + " " + status,
                () -> records.find(documentId).map(d -> d.status().equals(status)).orElse(false));
        return records.find(documentId).orElseThrow();
    }

    private static JsonNode uploaded(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}
