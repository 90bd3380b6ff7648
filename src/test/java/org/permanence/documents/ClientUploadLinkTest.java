package org.permanence.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.documents.Uploads.invoice;
import static org.permanence.documents.Uploads.open;
import static org.permanence.documents.Uploads.postJson;
import static org.permanence.documents.Uploads.uploadThroughLink;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.permanence.Eventually;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.clients.ClientRepository;
import org.permanence.clients.Clients;
import org.permanence.clients.engine.ClientTenants;
import org.permanence.links.SignedLinks;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A secretary gives a client a signed upload link; the client opens it with no login, sends files from
 * the page, as often as the link lasts, and they go through the same intake as an upload. A tampered,
 * expired, ended or foreign link shows why and stores nothing.
 */
@OfficeIntegrationTest
class ClientUploadLinkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Clients clients;
    @Autowired
    ClientTenants tenants;
    @Autowired
    DocumentRecords records;
    @Autowired
    SignedLinks signedLinks;
    @Autowired
    ClientRepository clientRepository;

    private String plumber;

    @BeforeEach
    void newPlumber() {
        plumber = Uploads.plumberServedByClaire(clients, tenants);
    }

    @Test
    void theClientSendsFilesThroughItsLinkAsOftenAsTheLinkLasts() throws Exception {
        JsonNode link = newLink("{\"validForDays\": 3}");
        assertThat(link.get("url").asText()).contains("/depot?t=");
        assertThat(Instant.parse(link.get("expiresAt").asText())).isBetween(Instant.now().plus(Duration.ofDays(3)).minusSeconds(60),
                Instant.now().plus(Duration.ofDays(3)));

        HttpResponse<String> page = open(link.get("url").asText() + "&lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Send your documents", clientRepository.findById(plumber).orElseThrow().name(), "type=\"file\"");

        byte[] invoice = TestDocuments.textPdf(1, invoice("2026-0800"));
        HttpResponse<String> sent = uploadThroughLink(token(link), "Facture avril.pdf", invoice);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(sent.body()).contains("Facture avril.pdf", "reçu, merci.");
        StoredDocument document = records.ofClient(plumber).get(0);
        assertThat(document.source()).isEqualTo("LINK");
        assertThat(document.receivedBy()).startsWith("lien ");
        Eventually.await("the document read, then filed or asked about",
                () -> !records.get(document.id()).status().equals(StoredDocument.RECEIVED));

        assertThat(uploadThroughLink(token(link), "devis.pdf", TestDocuments.textPdf(1, invoice("2026-0801"))).body())
                .contains("reçu, merci.");
        assertThat(uploadThroughLink(token(link), "facture (1).pdf", invoice).body()).contains("déjà reçu auparavant");
        assertThat(records.ofClient(plumber)).hasSize(2);
        assertThat(records.copies(document.id())).isEqualTo(1);
    }

    @Test
    void anEmptyFileIsRefusedAndNothingStored() throws Exception {
        HttpResponse<String> sent = uploadThroughLink(token(newLink("{}")), "vide.pdf", new byte[0]);

        assertThat(sent.body()).contains("refusé, non enregistré", "the file is empty");
        assertThat(records.ofClient(plumber)).isEmpty();
    }

    @Test
    void aTamperedExpiredEndedOrForeignLinkStoresNothingAndSaysWhy() throws Exception {
        byte[] pdf = TestDocuments.textPdf(1, invoice("2026-0900"));
        String token = token(newLink("{}"));
        String tampered = token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);
        String expired = signedLinks.sign(plumber, UploadLinks.ACTION, Instant.now().minusSeconds(1));
        String foreign = signedLinks.sign(plumber, "appointment-cancel", Instant.now().plus(Duration.ofDays(1)));

        assertRefused(uploadThroughLink(tampered, "a.pdf", pdf), 400, "pas valide");
        assertRefused(open(SharedNode.baseUrl() + "/depot?t=" + expired),
                410, "a expiré");
        assertRefused(uploadThroughLink(expired, "a.pdf", pdf), 410, "a expiré");
        assertRefused(uploadThroughLink(foreign, "a.pdf", pdf), 400, "autre demande");

        HttpResponse<String> revoked = postJson("/api/clients/" + plumber + "/upload-links/revoke",
                "{\"link\": \"" + token + "\"}", "claire");
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertRefused(uploadThroughLink(token, "a.pdf", pdf), 410, "désactivé");
        assertThat(records.ofClient(plumber)).isEmpty();
    }

    @Test
    void onlyThoseWhoServeTheClientMakeItsLinks() throws Exception {
        assertThat(postJson("/api/clients/" + plumber + "/upload-links", "{}", "sophie").statusCode()).isEqualTo(403);
        HttpResponse<String> tooLong = postJson("/api/clients/" + plumber + "/upload-links", "{\"validForDays\": 400}", "claire");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("validForDays");
    }

    private JsonNode newLink(String json) throws Exception {
        HttpResponse<String> response = postJson("/api/clients/" + plumber + "/upload-links", json, "claire");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private static String token(JsonNode link) {
        String url = link.get("url").asText();
        return url.substring(url.indexOf("t=") + 2);
    }

    private static void assertRefused(HttpResponse<String> response, int status, String why) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains(why, "Aucun document");
    }
}
