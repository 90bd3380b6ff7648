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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.permanence.Eventually;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.browser.Tasklist.OpenedTask;
import org.permanence.clients.Clients;
import org.permanence.clients.engine.ClientTenants;
import org.permanence.documents.DocumentRecords;
import org.permanence.documents.StoredDocument;
import org.permanence.documents.TestDocuments;
import org.permanence.documents.Uploads;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * In a French office: the model is unsure of a new client's first invoice, claire classifies it in
 * Tasklist; then, on the documents page, she sees it filed in her name, re-classifies it there and has
 * the filing checked in a Tasklist task; the search by category, sender and dates finds it or hides it.
 * Screenshots: {@code target/screenshots}.
 */
@Tag("browser")
@OfficeIntegrationTest
class DocumentsBrowserTest {

    @RegisterExtension
    static final HeadlessChromium browser = HeadlessChromium.inAFrenchOffice();

    @Autowired
    Clients clients;
    @Autowired
    ClientTenants tenants;
    @Autowired
    TaskService tasks;
    @Autowired
    DocumentRecords records;

    @Test
    void aSecretaryClassifiesAnUnsureDocumentThenCorrectsItOnTheDocumentsPage() throws Exception {
        String plumber = Uploads.plumberServedByClaire(clients, tenants);
        String first = documentId(upload(plumber, "facture-0701.pdf", TestDocuments.textPdf(1, invoice("2026-0701")), "claire"));
        Eventually.await("Classer le document for " + first, () -> classifyTask(first) != null);
        String taskId = classifyTask(first).getId();

        Tasklist tasklist = new Tasklist(browser, SharedNode.baseUrl() + "/camunda/app/tasklist/default/");
        tasklist.signIn("claire", DEMO_PASSWORD);
        assertThat(tasklist.listedTaskIds()).contains(taskId);
        OpenedTask opened = tasklist.open(taskId);
        assertThat(opened.tenant()).isEqualTo(plumber);
        assertThat(opened.briefing()).contains("Suggestion", "invoice");
        // the name the client gave the file is shown as text, in a read-only field
        assertThat(tasklist.valueOf("ShownOriginalName")).isEqualTo("facture-0701.pdf");
        assertThat(tasklist.claim()).isEqualTo("Claire Moreau");
        // the first-page preview drawn by the extract step, fetched with her Tasklist session
        browser.waitUntil("the preview to load", driver -> driver.findElements(By.cssSelector(".task-card .fjs-form-field-image img"))
                .stream().anyMatch(image -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
                        .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", image))));
        browser.screenshot("documents-1-classify");
        // the base model suggests its own word (invoice, not one of the plumber's categories): she picks the plumber's from his list
        tasklist.choose("Category", "Facture");
        tasklist.complete(taskId);
        browser.screenshot("documents-2-classified");

        Eventually.await("the first invoice filed by claire", () -> records.get(first).status().equals(StoredDocument.FILED));
        String misfiled = records.get(first).filedKey();

        browser.driver().get(SharedNode.baseUrl() + "/documents.html");
        browser.waitUntil("the clients listed", driver -> driver.findElements(By.cssSelector("#client option[value='" + plumber + "']")).size() == 1);
        new Select(browser.driver().findElement(By.id("client"))).selectByValue(plumber);
        By row = By.cssSelector("tr[data-document='" + first + "']");
        browser.waitUntil("the invoice listed", driver -> !driver.findElements(row).isEmpty());
        WebElement listed = browser.driver().findElement(row);
        assertThat(browser.driver().findElement(By.tagName("h2")).getText()).isEqualTo("Documents du client");
        assertThat(listed.getText()).contains("facture-0701.pdf", "Classé", "Facture", "Classé par claire", "Voir l’aperçu");
        assertThat(listed.findElement(By.cssSelector("a")).getAttribute("href")).endsWith("/api/documents/" + first + "/preview");
        browser.screenshot("documents-3-page");

        new Select(listed.findElement(By.cssSelector("form.correct select"))).selectByValue("devis");
        browser.click(By.cssSelector("tr[data-document='" + first + "'] form.correct button[type=submit]"), "Reclasser");
        browser.waitUntil("the correction said", driver -> driver.findElement(By.id("outcome")).getText()
                .equals("« facture-0701.pdf » est maintenant classé dans Devis."));
        browser.waitUntil("the row shows the new category", driver -> driver.findElement(By.cssSelector("tr[data-document='" + first + "'] td.category"))
                .getText().equals("Devis"));
        browser.screenshot("documents-4-corrected");

        StoredDocument corrected = records.get(first);
        assertThat(corrected.category()).isEqualTo("devis");
        assertThat(corrected.classifiedBy()).isEqualTo("claire");
        assertThat(corrected.filedKey()).isNotEqualTo(misfiled).contains("/devis/");
        assertThat(records.corrections(first)).extracting(DocumentRecords.Correction::correctedBy).containsExactly("claire");

        // not sure it is a quote after all: the client's secretaries are asked to check it in Tasklist
        browser.click(By.cssSelector("tr[data-document='" + first + "'] form.correct button.review"), "Faire vérifier");
        browser.waitUntil("the check asked", driver -> driver.findElement(By.id("outcome")).getText()
                .equals("Une tâche « Vérifier le classement » de « facture-0701.pdf » attend les secrétaires du client dans Tasklist."));
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey("document-review:" + first).taskDefinitionKey("ReviewFiling")
                .tenantIdIn(plumber).count()).isEqualTo(1);
        browser.screenshot("documents-5-check-asked");

        // searched: its category (offered by name) and its sender find it; a sender it is not from or days before it came hide it
        Select category = new Select(browser.driver().findElement(By.id("search-category")));
        category.selectByVisibleText("Devis");
        browser.waitUntil("the quote found among quotes", driver -> !driver.findElements(row).isEmpty());
        String sender = records.get(first).sender();
        assertThat(sender).as("the sender read in the invoice").isNotBlank();
        WebElement senderSearch = browser.driver().findElement(By.id("search-sender"));
        senderSearch.sendKeys("zzz");
        browser.waitUntil("no document from zzz", driver -> driver.findElements(row).isEmpty());
        senderSearch.clear();
        senderSearch.sendKeys(sender.substring(0, Math.min(5, sender.length())).toLowerCase());
        browser.waitUntil("the quote found by its sender", driver -> !driver.findElements(row).isEmpty());
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = '2000-01-01'; arguments[0].dispatchEvent(new Event('input'))",
                browser.driver().findElement(By.id("search-to")));
        browser.waitUntil("nothing received by 2000", driver -> driver.findElements(row).isEmpty()
                && driver.findElement(By.id("empty")).isDisplayed());
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
