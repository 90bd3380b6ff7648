package org.permanence.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.documents.Uploads.invoice;
import static org.permanence.documents.Uploads.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.permanence.Eventually;
import org.permanence.OfficeIntegrationTest;
import org.permanence.TestMail;
import org.permanence.clients.ClientRepository;
import org.permanence.clients.Clients;
import org.permanence.clients.engine.ClientTenants;
import org.permanence.mail.MailFolder;
import org.permanence.mail.StoredMail;
import org.permanence.storage.EmbeddedObjectStore;
import org.permanence.storage.StorageProperties;
import org.permanence.system.PermanenceProperties;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The node's object store goes down while documents are being classified: documents being read or
 * classified, and documents a secretary just sorted that are being filed. None is lost: each failed
 * step is retried later (no incident), and once the store is back every document is read, asked
 * about or filed, the filed ones exactly once and their client mailed once. An upload during the
 * outage answers 503 with a retry hint and leaves neither a row nor a file.
 */
@OfficeIntegrationTest
class StoreOutageDuringClassificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Clients clients;
    @Autowired
    ClientRepository clientRepository;
    @Autowired
    ClientTenants tenants;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ExternalTaskService externalTasks;
    @Autowired
    HistoryService history;
    @Autowired
    DocumentRecords records;
    @Autowired
    EmbeddedObjectStore store;
    @Autowired
    StorageProperties storage;
    @Autowired
    PermanenceProperties permanence;
    @Autowired
    MailFolder mailFolder;

    @Test
    void documentsInFlightWhenTheStoreGoesDownAreRetriedThenFiledOnce() throws Exception {
        String plumber = Uploads.plumberServedByClaire(clients, tenants);
        List<String> sorted = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            sorted.add(uploaded(upload(plumber, "Facture trie " + i + ".pdf", TestDocuments.textPdf(1, invoice("2026-71" + i)), "claire")));
        }
        List<Task> asked = sorted.stream().map(this::awaitClassifyTask).toList();
        // sent together, so the worker, reading one document after another, is still at them when the store goes
        List<CompletableFuture<String>> sending = Stream.of(1, 2, 3, 4).map(i -> CompletableFuture.supplyAsync(() -> {
            try {
                return uploaded(upload(plumber, "Facture en cours " + i + ".pdf", TestDocuments.textPdf(1, invoice("2026-72" + i)), "claire"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).toList();
        List<String> reading = sending.stream().map(CompletableFuture::join).toList();

        store.destroy();
        try {
            for (Task task : asked) {
                tasks.claim(task.getId(), "claire");
                tasks.complete(task.getId(), Map.of("category", "facture"));
            }
            HttpResponse<String> refused = upload(plumber, "Facture pendant la panne.pdf", TestDocuments.textPdf(1, invoice("2026-730")), "claire");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");

            Eventually.await("the filing of the 3 sorted documents failed on the outage", () -> sorted.stream()
                    .allMatch(id -> failed(id, "file-document")));
            List<ExternalTask> failures = Stream.concat(sorted.stream(), reading.stream()).flatMap(id -> externalTask(id).stream())
                    .filter(task -> task.getRetries() != null).toList();
            assertThat(failures).as("a step of a document being read or classified met the outage too")
                    .anyMatch(task -> !task.getTopicName().equals("file-document"));
            assertThat(failures).as("a failure is retried later, not an incident at once").allSatisfy(task -> {
                // 3 after the first failure; a slow machine may already have failed a retry (2), never the last (0)
                assertThat(task.getRetries()).isBetween(1, 3);
                assertThat(task.getErrorMessage()).startsWith("Object storage");
            });
            assertThat(incidents(sorted, reading)).isZero();
        } finally {
            store.start();
        }

        for (String id : sorted) {
            awaitStatus(id, StoredDocument.FILED);
        }
        // claire's answers taught the plumber's model meanwhile: a document read after that may be filed without asking her
        for (String id : reading) {
            try {
                Eventually.await("document " + id + " read and then asked about or filed", () -> classifyTask(id) != null
                        || records.find(id).map(d -> d.status().equals(StoredDocument.FILED)).orElse(false));
            } catch (AssertionError stuck) {
                throw new AssertionError(stuck.getMessage() + "; it is " + records.find(id).map(StoredDocument::status).orElse("gone")
                        + ", its external tasks " + externalTask(id).stream().map(t -> t.getTopicName() + " retries " + t.getRetries()
                        + " locked until " + t.getLockExpirationTime() + " by " + t.getWorkerId() + ": " + t.getErrorMessage()).toList(), stuck);
            }
        }
        assertThat(incidents(sorted, reading)).isZero();
        List<StoredDocument> filed = records.ofClient(plumber).stream().filter(d -> d.status().equals(StoredDocument.FILED)).toList();
        String mailbox = clientRepository.findById(plumber).orElseThrow().contactRules().email();
        Eventually.await("the client told of each filed invoice", () -> filedMails(mailbox).size() >= filed.size());
        for (StoredDocument document : filed) {
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance(document.id())).activityId("FileDocument")
                    .finished().count()).as("%s filed once", document.originalName()).isEqualTo(1);
            assertThat(filedMails(mailbox)).as("mails about %s", document.originalName())
                    .filteredOn(mail -> mail.text().contains(document.originalName())).hasSize(1);
            assertThat(Files.exists(storedFile(document.filedKey()))).as("%s stored under %s", document.originalName(), document.filedKey())
                    .isTrue();
        }
        assertThat(filedMails(mailbox)).hasSize(filed.size());
        for (StoredMail notice : filedMails(mailbox)) {
            assertThat(TestMail.autoSubmitted(notice)).as("no person sends it").isEqualTo("auto-generated");
        }
        assertThat(records.ofClient(plumber)).as("the upload refused during the outage left no row").hasSize(7);
        assertThat(storedDocumentFolders(plumber)).as("…and no file").hasSize(7);
    }

    private String uploaded(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        try {
            return JSON.readTree(response.body()).get("documentId").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Task awaitClassifyTask(String documentId) {
        Eventually.await("ClassifyDocument for document " + documentId, () -> classifyTask(documentId) != null);
        return classifyTask(documentId);
    }

    private Task classifyTask(String documentId) {
        return tasks.createTaskQuery().processInstanceBusinessKey("document:" + documentId).taskDefinitionKey("ClassifyDocument")
                .singleResult();
    }

    private void awaitStatus(String documentId, String status) {
        Eventually.await("document " + documentId + " " + status,
                () -> records.find(documentId).map(d -> d.status().equals(status)).orElse(false));
    }

    private List<ExternalTask> externalTask(String documentId) {
        return externalTasks.createExternalTaskQuery().processInstanceId(instance(documentId)).list();
    }

    private boolean failed(String documentId, String topic) {
        return externalTask(documentId).stream().anyMatch(task -> task.getTopicName().equals(topic) && task.getRetries() != null);
    }

    private String instance(String documentId) {
        ProcessInstance running = runtime.createProcessInstanceQuery().processInstanceBusinessKey("document:" + documentId).singleResult();
        return running != null ? running.getId()
                : history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("document:" + documentId).singleResult().getId();
    }

    private long incidents(List<String> sorted, List<String> reading) {
        return Stream.concat(sorted.stream(), reading.stream())
                .mapToLong(id -> runtime.createIncidentQuery().processInstanceId(instance(id)).count()).sum();
    }

    private List<StoredMail> filedMails(String mailbox) {
        return TestMail.to(mailFolder, mailbox).stream().filter(mail -> mail.subject().startsWith("Nouveau document")).toList();
    }

    /** The embedded store keeps each object as a file under its bucket's folder, at its key. */
    private Path storedFile(String key) {
        return permanence.dataDir().resolve("objects").resolve(storage.bucket()).resolve(key);
    }

    /** One folder a document received: its original, text and preview. */
    private List<Path> storedDocumentFolders(String clientId) throws IOException {
        Path folder = storedFile("documents/" + clientId);
        try (Stream<Path> documents = Files.list(folder)) {
            return documents.toList();
        }
    }
}
