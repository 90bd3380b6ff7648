package org.permanence.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.documents.Uploads.invoice;
import static org.permanence.documents.Uploads.postJson;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.permanence.Eventually;
import org.permanence.OfficeIntegrationTest;
import org.permanence.clients.ClientRepository;
import org.permanence.clients.Clients;
import org.permanence.clients.engine.ClientTenants;
import org.permanence.documents.DocumentRecords;
import org.permanence.documents.StoredDocument;
import org.permanence.documents.TestDocuments;
import org.permanence.documents.Uploads;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The client on a phone-sized headless Chromium, opening the upload link claire made for it through
 * the API: it picks a PDF, sends it, and the page lists it as received; the document is then the
 * client's and its classification has started. The same link cut when copied shows a clear page and
 * stores nothing. The browser asks for English. Screenshots: {@code target/screenshots/depot-*.png}.
 */
@Tag("browser")
@OfficeIntegrationTest
class ClientUploadBrowserTest {

    @RegisterExtension
    static final HeadlessChromium browser = new HeadlessChromium();

    @Autowired
    Clients clients;
    @Autowired
    ClientTenants tenants;
    @Autowired
    ClientRepository clientRepository;
    @Autowired
    DocumentRecords records;
    @Autowired
    HistoryService history;

    private String plumber;

    @BeforeEach
    void aPlumberOnAPhone() {
        plumber = Uploads.plumberServedByClaire(clients, tenants);
        browser.driver().manage().window().setSize(new Dimension(390, 844));
    }

    @Test
    void theClientPicksAPdfOnItsPhoneSendsItAndSeesItReceived(@TempDir Path phone) throws Exception {
        String link = uploadLinkMadeByClaire();
        Path invoice = Files.write(phone.resolve("Facture mars.pdf"), TestDocuments.textPdf(1, invoice("2026-1001")));

        browser.driver().get(link);
        browser.waitUntil("the upload page", page -> page.findElement(By.tagName("h1")).getText().equals("Send your documents"));
        assertThat(browser.driver().findElement(By.id("client")).getText())
                .isEqualTo(clientRepository.findById(plumber).orElseThrow().name());
        // what the phone's file picker does: the chosen file's path goes into the file input
        browser.driver().findElement(By.id("file")).sendKeys(invoice.toAbsolutePath().toString());
        browser.screenshot("depot-1-picked");
        browser.click(By.id("go"), "Send");

        WebElement sent = browser.waitUntil("the list of files received", page -> page.findElement(By.id("sent")));
        assertThat(sent.findElements(By.tagName("li"))).singleElement()
                .satisfies(line -> assertThat(line.getText()).isEqualTo("Facture mars.pdf : received, thank you."));
        browser.screenshot("depot-2-received");

        List<StoredDocument> received = records.ofClient(plumber);
        assertThat(received).singleElement().satisfies(document -> {
            assertThat(document.originalName()).isEqualTo("Facture mars.pdf");
            assertThat(document.source()).isEqualTo("LINK");
            assertThat(document.receivedBy()).startsWith("lien ");
        });
        String documentId = received.get(0).id();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("document:" + documentId)
                .processDefinitionKey("document-classification").tenantIdIn(plumber).count()).isEqualTo(1);
        Eventually.await("the document read, then filed or asked about",
                () -> !records.get(documentId).status().equals(StoredDocument.RECEIVED));
    }

    @Test
    void aLinkCutWhenCopiedShowsAClearPageAndNoForm() throws Exception {
        String link = uploadLinkMadeByClaire();
        String cut = link.substring(0, link.length() - 5);

        browser.driver().get(cut);
        browser.waitUntil("the refusal", page -> page.findElement(By.tagName("h1")).getText().equals("Link not valid"));
        assertThat(browser.driver().findElement(By.id("outcome")).getText()).startsWith("This link is not valid");
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("No document was stored.");
        assertThat(browser.driver().findElements(By.id("file"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("go"))).isEmpty();
        browser.screenshot("depot-3-link-not-valid");
        assertThat(records.ofClient(plumber)).isEmpty();
    }

    /** The link as the API answers it to a secretary who serves the client. */
    private String uploadLinkMadeByClaire() throws Exception {
        HttpResponse<String> response = postJson("/api/clients/" + plumber + "/upload-links", "{\"validForDays\": 7}", "claire");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new ObjectMapper().readTree(response.body()).get("url").asText();
    }
}
