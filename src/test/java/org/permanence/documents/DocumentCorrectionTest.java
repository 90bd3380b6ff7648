package org.permanence.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.documents.Uploads.invoice;
import static org.permanence.documents.Uploads.postJson;
import static org.permanence.documents.Uploads.upload;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.permanence.Eventually;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestOffice;
import org.permanence.clients.engine.ClientTenants;
import org.permanence.clients.Clients;
import org.permanence.storage.ObjectStorage;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * On a node with no corpus beside it: the shipped base model classifies from the first document,
 * a client whose model knows one category files nothing alone, and a secretary's correction moves
 * the file, is kept with her name, and changes the next prediction; a filing asked to be checked from
 * the documents page is corrected in a Tasklist task the same way. Sophie, who does not serve the
 * client, can neither correct nor ask for a check nor see its documents' history.
 */
@OfficeIntegrationTest
class DocumentCorrectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CV = List.of("CURRICULUM VITAE", "Julie Martin — assistante de direction",
            "Expérience professionnelle", "2019-2025 Assistante de direction, Cabinet Durand, Lyon",
            "Formation", "2018 BTS Support à l'action managériale", "Compétences : anglais courant, Excel, permis B",
            "Langues : anglais, espagnol", "Centres d'intérêt : randonnée, lecture");

    @Autowired
    Clients clients;
    @Autowired
    ClientTenants tenants;
    @Autowired
    TaskService tasks;
    @Autowired
    DocumentRecords records;
    @Autowired
    ObjectStorage objects;
    @Autowired
    ModelStore models;
    @Autowired
    ClientModels clientModels;

    private String plumber;

    @BeforeEach
    void newPlumber() {
        plumber = Uploads.plumberServedByClaire(clients, tenants);
    }

    @Test
    void theShippedBaseModelClassifiesATextInvoiceAndACvFromTheFirstDocument() throws Exception {
        String invoiceId = uploaded(upload(plumber, "facture.pdf", TestDocuments.textPdf(1, invoice("2026-0801")), "claire"));
        String cvId = uploaded(upload(plumber, "cv.pdf", TestDocuments.textPdf(1, CV), "claire"));

        // neither is one of the plumber's own categories: a secretary files them, with the base model's suggestion
        awaitTask(invoiceId);
        awaitTask(cvId);
        assertThat(records.get(invoiceId).category()).isEqualTo("invoice");
        assertThat(records.get(cvId).category()).isEqualTo("cv");
        assertThat(records.get(cvId).modelVersion()).startsWith("base-");
    }

    @Test
    void aModelThatLearntOneCategoryFilesNothingAloneNotEvenACv() throws Exception {
        for (String number : List.of("2026-0811", "2026-0812")) {
            String id = uploaded(upload(plumber, "facture " + number + ".pdf", TestDocuments.textPdf(1, invoice(number)), "claire"));
            answer(awaitTask(id), "facture");
            awaitStatus(id, StoredDocument.FILED);
        }
        // whether it learnt one answer or both, it knows one category of the plumber's
        Eventually.await("the plumber's model trained on claire's answers", () -> models.latestVersion(plumber).isPresent());

        String cvId = uploaded(upload(plumber, "cv.pdf", TestDocuments.textPdf(1, CV), "claire"));
        Task asked = awaitTask(cvId);
        assertThat(tasks.getVariable(asked.getId(), "confident")).isEqualTo(false);
        assertThat(records.get(cvId).status()).isNotEqualTo(StoredDocument.FILED);
    }

    @Test
    void aCorrectionMovesTheFileKeepsWhoDidItAndChangesTheNextPrediction() throws Exception {
        List<String> quote = List.of("DEVIS n° D-2026-31", "Plomberie Leroy", "Pose d'un chauffe-eau thermodynamique 200 L",
                "Devis valable 30 jours — bon pour accord, date et signature du client", "Montant estimatif : 2 450,00 €");
        String id = uploaded(upload(plumber, "devis chauffe-eau.pdf", TestDocuments.textPdf(1, quote), "claire"));
        answer(awaitTask(id), "facture");
        StoredDocument misfiled = awaitStatus(id, StoredDocument.FILED);
        Eventually.await("the plumber's model learnt the wrong answer", () -> models.latestVersion(plumber).isPresent());
        String text = "DEVIS n° D-2026-32 Plomberie Leroy Pose d'un chauffe-eau thermodynamique Devis valable 30 jours bon pour accord";
        assertThat(clientModels.suggest(plumber, text).category()).isEqualTo("facture");
        int learnt = models.latestVersion(plumber).orElseThrow();

        // sophie does not serve the plumber: as if the document did not exist, and nothing moves
        HttpResponse<String> attack = postJson("/api/documents/" + id + "/category", "{\"category\":\"devis\"}", "sophie");
        assertThat(attack.statusCode()).isEqualTo(404);
        assertThat(Uploads.get("/api/documents/" + id + "/corrections", "sophie").statusCode()).isEqualTo(404);
        assertThat(records.get(id).category()).isEqualTo("facture");

        HttpResponse<String> unknown = TestOffice.post(SharedNode.baseUrl() + "/api/documents/" + id + "/category", "application/json",
                "{\"category\":\"../../etc\"}", "Authorization", basic("claire"), "Accept-Language", "fr");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("n’est pas une catégorie");

        HttpResponse<String> corrected = postJson("/api/documents/" + id + "/category", "{\"category\":\"devis\"}", "claire");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        StoredDocument now = records.get(id);
        assertThat(now.category()).isEqualTo("devis");
        assertThat(now.classifiedBy()).isEqualTo("claire");
        assertThat(now.filedKey()).startsWith("filed/" + plumber + "/devis/").endsWith(id + ".pdf");
        assertMovedFromInvoiceToQuoteByClaire(id, misfiled, now);
        JsonNode history = JSON.readTree(new String(Uploads.get("/api/documents/" + id + "/corrections", "claire").body(), StandardCharsets.UTF_8));
        assertThat(history.get(0).get("correctedBy").asText()).isEqualTo("claire");

        Eventually.await("the plumber's model learnt the correction", () -> models.latestVersion(plumber).orElse(0) > learnt);
        assertThat(clientModels.suggest(plumber, text).category()).isEqualTo("devis");
    }

    @Test
    void aFilingAskedToBeCheckedIsCorrectedInATaskInTheNameOfWhoAnswered() throws Exception {
        String id = uploaded(upload(plumber, "devis salle de bain.pdf", TestDocuments.textPdf(1, List.of("DEVIS n° D-2026-40",
                "Plomberie Leroy", "Rénovation de la salle de bain", "Devis valable 30 jours", "Montant estimatif : 6 900,00 €")), "claire"));
        answer(awaitTask(id), "facture");
        StoredDocument misfiled = awaitStatus(id, StoredDocument.FILED);

        assertThat(postJson("/api/documents/" + id + "/review", "{}", "sophie").statusCode()).isEqualTo(404);
        HttpResponse<String> asked = postJson("/api/documents/" + id + "/review", "{}", "claire");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        HttpResponse<String> again = postJson("/api/documents/" + id + "/review", "{}", "claire");
        assertThat(again.statusCode()).as("the open check, not a second one").isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("processInstanceId").asText())
                .isEqualTo(JSON.readTree(asked.body()).get("processInstanceId").asText());

        Task review = tasks.createTaskQuery().processInstanceBusinessKey("document-review:" + id).singleResult();
        assertThat(review.getTenantId()).isEqualTo(plumber);
        assertThat(tasks.getVariable(review.getId(), "category")).as("preselected where it is").isEqualTo("facture");
        assertThat(tasks.getVariable(review.getId(), "filedAs")).isEqualTo("Facture — Classé par claire");
        // Tasklist gives the form's select its options only from a Json variable
        assertThat(tasks.getVariableTyped(review.getId(), "categoryOptions").getType().getName()).isEqualTo("json");
        tasks.claim(review.getId(), "claire");
        tasks.complete(review.getId(), Map.of("category", "devis"));

        Eventually.await("the document re-classified from the task", () -> "devis".equals(records.get(id).category()));
        StoredDocument now = records.get(id);
        assertThat(now.classifiedBy()).isEqualTo("claire");
        assertThat(now.filedKey()).startsWith("filed/" + plumber + "/devis/");
        assertMovedFromInvoiceToQuoteByClaire(id, misfiled, now);
    }

    private void answer(Task task, String category) {
        tasks.claim(task.getId(), "claire");
        tasks.complete(task.getId(), Map.of("category", category));
    }

    private Task awaitTask(String documentId) {
        Eventually.await("Classer le document for " + documentId, () -> classifyTask(documentId) != null);
        return classifyTask(documentId);
    }

    private Task classifyTask(String documentId) {
        return tasks.createTaskQuery().processInstanceBusinessKey("document:" + documentId).taskDefinitionKey("ClassifyDocument")
                .singleResult();
    }

    private StoredDocument awaitStatus(String documentId, String status) {
        Eventually.await("document " + documentId + " " + status,
                () -> records.find(documentId).map(d -> d.status().equals(status)).orElse(false));
        return records.get(documentId);
    }

    private static String uploaded(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("documentId").asText();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestOffice.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** The file is in its new place only, and the correction kept with who made it. */
    private void assertMovedFromInvoiceToQuoteByClaire(String id, StoredDocument misfiled, StoredDocument now) {
        assertThat(objects.exists(now.filedKey())).isTrue();
        assertThat(objects.exists(misfiled.filedKey())).as("the old place is emptied").isFalse();
        assertThat(records.corrections(id)).singleElement().satisfies(c -> {
            assertThat(c.fromCategory()).isEqualTo("facture");
            assertThat(c.toCategory()).isEqualTo("devis");
            assertThat(c.correctedBy()).isEqualTo("claire");
        });
    }
}
