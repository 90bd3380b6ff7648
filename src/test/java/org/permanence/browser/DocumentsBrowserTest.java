package org.permanence.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;
import static org.permanence.documents.Uploads.invoice;
import static org.permanence.documents.Uploads.upload;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.permanence.Eventually;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.browser.Tasklist.OpenedTask;
import org.permanence.clients.Clients;
import org.permanence.clients.engine.ClientTenants;
import org.permanence.documents.DocumentRecords;
import org.permanence.documents.ModelStore;
import org.permanence.documents.StoredDocument;
import org.permanence.documents.TestDocuments;
import org.permanence.documents.Uploads;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The model is unsure of a new client's first invoice: claire classifies it in Tasklist, and the
 * next invoice of the same kind is filed without anyone being asked. Screenshots: {@code target/screenshots}.
 */
@Tag("browser")
@OfficeIntegrationTest
class DocumentsBrowserTest {

    @RegisterExtension
    static final HeadlessChromium browser = new HeadlessChromium();

    @Autowired
    Clients clients;
    @Autowired
    ClientTenants tenants;
    @Autowired
    TaskService tasks;
    @Autowired
    DocumentRecords records;
    @Autowired
    ModelStore models;

    @Test
    void aSecretaryClassifiesAnUnsureDocumentAndTheNextSimilarOneIsFiledAlone() throws Exception {
        String plumber = Uploads.plumberServedByClaire(clients, tenants);
        String first = documentId(upload(plumber, "facture-0701.pdf", TestDocuments.textPdf(1, invoice("2026-0701")), "claire"));
        Eventually.await("Classer le document for " + first, () -> classifyTask(first) != null);
        String taskId = classifyTask(first).getId();

        Tasklist tasklist = new Tasklist(browser, SharedNode.baseUrl() + "/camunda/app/tasklist/default/");
        tasklist.signIn("claire", DEMO_PASSWORD);
        assertThat(tasklist.listedTaskIds()).contains(taskId);
        OpenedTask opened = tasklist.open(taskId);
        assertThat(opened.tenant()).isEqualTo(plumber);
        assertThat(opened.briefing()).contains("Suggestion", "facture (Facture)");
        // the name the client gave the file is shown as text, in a read-only field
        assertThat(tasklist.valueOf("ShownOriginalName")).isEqualTo("facture-0701.pdf");
        assertThat(tasklist.claim()).isEqualTo("Claire Moreau");
        // the first-page preview drawn by the extract step, fetched with her Tasklist session
        browser.waitUntil("the preview to load", driver -> driver.findElements(By.cssSelector(".task-card .fjs-form-field-image img"))
                .stream().anyMatch(image -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
                        .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", image))));
        browser.screenshot("documents-1-classify");
        tasklist.fill("Category", "facture");
        tasklist.complete(taskId);
        browser.screenshot("documents-2-classified");

        Eventually.await("the first invoice filed by claire", () -> records.get(first).status().equals(StoredDocument.FILED));
        assertThat(records.get(first).classifiedBy()).isEqualTo("claire");
        Eventually.await("the plumber's model retrained", () -> models.latestVersion(plumber).isPresent());

        String next = documentId(upload(plumber, "facture-0702.pdf", TestDocuments.textPdf(1, invoice("2026-0702")), "claire"));
        Eventually.await("the next invoice filed alone", () -> records.get(next).status().equals(StoredDocument.FILED));
        assertThat(records.get(next).classifiedBy()).isEqualTo(StoredDocument.BY_MODEL);
        assertThat(records.get(next).category()).isEqualTo("facture");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey("document:" + next).count()).isZero();
    }

    private Task classifyTask(String documentId) {
        return tasks.createTaskQuery().processInstanceBusinessKey("document:" + documentId).taskDefinitionKey("ClassifyDocument")
                .singleResult();
    }

    private static String documentId(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new ObjectMapper().readTree(response.body()).get("documentId").asText();
    }
}
