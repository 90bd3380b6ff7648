package org.permanence.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.documents.Uploads.get;
import static org.permanence.documents.Uploads.upload;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.permanence.Eventually;
import org.permanence.OfficeIntegrationTest;
import org.permanence.clients.engine.ClientTenants;
import org.permanence.clients.Clients;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Factur-X invoice sent to a client with no model at all is filed at once as a {@code facture},
 * on its XML's word and at confidence 1, and its exact fields are in the documents API for her
 * secretaries, and for nobody else.
 */
@OfficeIntegrationTest
class EInvoiceFilingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Clients clients;
    @Autowired
    ClientTenants tenants;
    @Autowired
    DocumentRecords records;

    private String plumber;

    @BeforeEach
    void newPlumber() {
        plumber = Uploads.plumberServedByClaire(clients, tenants);
    }

    @Test
    void aFacturXInvoiceIsFiledAsAnInvoiceOnItsXmlsWordWithItsFieldsShown() throws Exception {
        byte[] facturX = EInvoicesTest.facturX(EInvoicesTest.PAGE, "factur-x.xml", EInvoicesTest.FACTUR_X.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> uploaded = upload(plumber, "facture-leroy.pdf", facturX, "claire");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String documentId = JSON.readTree(uploaded.body()).get("documentId").asText();

        Eventually.await("the Factur-X filed", () -> records.find(documentId).map(d -> d.status().equals(StoredDocument.FILED)).orElse(false));
        StoredDocument filed = records.find(documentId).orElseThrow();
        assertThat(filed.category()).isEqualTo(EInvoice.CATEGORY);
        assertThat(filed.classifiedBy()).isEqualTo(EInvoice.CLASSIFIED_BY);
        assertThat(filed.confidence()).isEqualByComparingTo("1");
        assertThat(filed.filedKey()).startsWith("filed/" + plumber + "/facture/");

        HttpResponse<byte[]> list = get("/api/clients/" + plumber + "/documents", "claire");
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode invoice = JSON.readTree(list.body()).get(0).get("eInvoice");
        assertThat(invoice.get("number").asText()).isEqualTo("FA-2026-0117");
        assertThat(invoice.get("issued").asText()).isEqualTo("2026-03-14");
        assertThat(invoice.get("seller").asText()).isEqualTo("Plomberie Leroy SARL");
        assertThat(invoice.get("buyer").asText()).isEqualTo("Cabinet Martin");
        assertThat(invoice.get("grandTotal").decimalValue()).isEqualByComparingTo("1305.50");
        assertThat(invoice.get("vatTotal").decimalValue()).isEqualByComparingTo("205.50");
        assertThat(invoice.get("vat")).hasSize(2);

        assertThat(get("/api/clients/" + plumber + "/documents", "sophie").statusCode()).isIn(403, 404);
    }
}
