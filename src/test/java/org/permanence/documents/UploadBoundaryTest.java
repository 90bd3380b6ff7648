package org.permanence.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.documents.Uploads.invoice;
import static org.permanence.documents.Uploads.upload;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.clients.Clients;
import org.permanence.clients.engine.ClientTenants;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The two error answers of the upload boundary: a control character in a file name, a file past the size limit. */
@OfficeIntegrationTest
class UploadBoundaryTest {

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
    void aNulInTheFileNameIsRefusedWithAClearProblemAndOtherControlCharactersAreCleanedAway() throws Exception {
        HttpResponse<String> nul = upload(plumber, "facture\u0000.pdf", TestDocuments.textPdf(1, invoice("2026-0900")), "claire");

        assertThat(nul.statusCode()).as(nul.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(nul.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("file");
        assertThat(problem.at("/errors/0/code").asText()).isEqualTo("upload.fileName.invalid");
        assertThat(problem.at("/errors/0/message").asText()).contains("NUL");
        assertThat(records.ofClient(plumber)).isEmpty();

        HttpResponse<String> bell = upload(plumber, "fac\u0007ture\u001b.pdf", TestDocuments.textPdf(1, invoice("2026-0901")), "claire");
        assertThat(bell.statusCode()).as(bell.body()).isEqualTo(201);
        assertThat(records.ofClient(plumber)).extracting(StoredDocument::originalName).containsExactly("facture.pdf");
    }

    @Test
    void aFilePastTheSizeLimitIsRefusedWithAProblemNotAnEmptyAnswer() throws Exception {
        byte[] huge = new byte[28 * 1024 * 1024];
        HttpResponse<String> response = upload(plumber, "enorme.pdf", huge, "claire");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("file");
        assertThat(problem.at("/errors/0/code").asText()).isEqualTo("upload.tooLarge");
        assertThat(problem.at("/errors/0/message").asText()).containsAnyOf("26 MB", "26 Mo");
        assertThat(records.ofClient(plumber)).isEmpty();
    }
}
