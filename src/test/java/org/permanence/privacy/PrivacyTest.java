package org.permanence.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestClients;
import org.permanence.TestMail;
import org.permanence.TestOffice;
import org.permanence.clients.Client;
import org.permanence.clients.Client.MessageDelivery;
import org.permanence.clients.Clients;
import org.permanence.documents.ContentHash;
import org.permanence.documents.CategoryModel;
import org.permanence.documents.DocumentIntake;
import org.permanence.documents.DocumentProperties;
import org.permanence.documents.DocumentReader;
import org.permanence.documents.ModelStore;
import org.permanence.documents.TestDocuments;
import org.permanence.documents.TestModels;
import org.permanence.mail.MailFolder;
import org.permanence.mail.StoredMail;
import org.permanence.storage.ObjectStorage;
import org.permanence.clients.PhoneNumbers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The RGPD acceptance on a real node (engine, H2 or PostgreSQL, embedded S3, embedded SMTP/IMAP, Tesseract):
 * a caller's call (its case, its history, the mail telling the client), her document (original, text, the
 * OCR cache — of this node and of a worker node that read it too —, filed by a secretary so the client's
 * document model learns its words) and her appointment are put on the office the usual way; then the purge
 * with its clock moved past the client's retention, or an erasure by her number, must leave nothing anywhere
 * that names her — {@link Traces} searches every text column of every table, every stored object, the mail
 * store's files, the OCR caches and every IMAP mailbox for her number, name and e-mail, and the client's
 * models are searched for the features of her name and e-mail. The access log shows each read the test made.
 */
@OfficeIntegrationTest
class PrivacyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Clients clients;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    DocumentIntake intake;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectStorage objects;
    @Autowired
    MailFolder mailFolder;
    @Autowired
    Purge purge;
    @Autowired
    OcrCachePruning ocrCachePruning;
    @Autowired
    org.permanence.privacy.engine.Forgetting forgetting;
    @Autowired
    ModelStore models;
    @Autowired
    DocumentProperties documentProperties;

    /** One caller per test, named so that nothing else on the node can contain her strings. */
    record Someone(String number, String name, String email) {
        static Someone made() {
            long n = Math.floorMod(System.nanoTime(), 10_000_000L);
            String letters = Long.toString(n, 26).chars().mapToObj(c -> String.valueOf((char) (Character.digit(c, 26) + 'a')))
                    .reduce("", String::concat);
            return new Someone(String.format("+3361%07d", n), "Lucienne Quernaouic" + letters, "lucienne." + letters + "@patients.example");
        }

        List<String> strings() {
            return List.of(number, PhoneNumbers.readable(number), name, email);
        }
    }

    @Test
    void afterItsRetentionTimeEveryTraceOfAnExpiredRecordIsGone() throws Exception {
        Client client = clients.store(TestClients.client("purge", "fr", MessageDelivery.IMMEDIATELY, null));
        Someone caller = Someone.made();
        HttpResponse<String> set = TestOffice.call("PUT", api(client, "/retention"), "nadia", DEMO_PASSWORD,
                "{\"days\":{\"CALLS\":1,\"APPOINTMENTS\":1,\"MAILS\":1,\"DOCUMENTS\":1}}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(JSON.readTree(set.body()).at("/days/CALLS").asInt()).isEqualTo(1);

        String callCase = handledCall(client, caller);
        await().atMost(Duration.ofSeconds(60)).until(() -> history.createHistoricProcessInstanceQuery().processInstanceId(callCase)
                .finished().count() == 1);
        // a scanned page: read by Tesseract, so its text lands in the OCR cache too
        byte[] scan = TestDocuments.scanPng(List.of("Ordonnance", caller.name(), caller.email()));
        String documentCase = documentRead(client, intake.receive(client.id(), "ordonnance.png", scan, DocumentIntake.Source.UPLOAD, "nadia"));
        Path ocrCache = Path.of((String) SharedNode.PROPERTIES.get("permanence.data-dir")).resolve("ocr-cache");
        assertThat(cached(ocrCache, ContentHash.of(scan))).as("the OCR cache holds the scan's text").isNotEmpty();
        Path worker = readOnAWorkerNode(scan);
        appointment(client, caller, Duration.ofHours(-6));
        Traces traces = new Traces(jdbc, objects, worker);
        assertThat(traces.of(caller.strings())).as("before the purge").isNotEmpty();

        // the day after: nothing is due yet
        purge.run(Clock.offset(Clock.systemUTC(), Duration.ofHours(12)));
        assertThat(count("call", client)).isEqualTo(1);

        // the document's case still runs: its document waits for it
        List<Purge.Removed> whileRunning = purge.run(Clock.offset(Clock.systemUTC(), Duration.ofDays(3)));
        assertThat(count("document", client)).isEqualTo(1);
        assertThat(whileRunning).extracting(Purge.Removed::clientId, Purge.Removed::kind).contains(
                org.assertj.core.groups.Tuple.tuple(client.id(), "CALLS"), org.assertj.core.groups.Tuple.tuple(client.id(), "APPOINTMENTS"),
                org.assertj.core.groups.Tuple.tuple(client.id(), "MAILS"));
        fileAsSecretary(documentCase, client);
        assertThat(learntFromHer(client, caller)).as("the client's model learnt her name from the filed document").isNotEmpty();
        Clock threeDaysOn = Clock.offset(Clock.systemUTC(), Duration.ofDays(3));
        List<Purge.Removed> removed = purge.run(threeDaysOn);
        assertThat(pruneOnWorkerNode(worker, threeDaysOn)).as("the worker node's round").isPositive();

        assertThat(removed).filteredOn(r -> client.id().equals(r.clientId()) && r.kind().equals("DOCUMENTS"))
                .singleElement().satisfies(r -> assertThat(r.rows()).isEqualTo(1));
        assertThat(traces.of(caller.strings())).as("where the caller can still be found after the purge").isEmpty();
        assertThat(Stream.of("call", "appointment", "document", "notification").mapToLong(table -> count(table, client)).sum()).isZero();
        assertThat(cached(ocrCache, ContentHash.of(scan))).as("the OCR cache").isEmpty();
        assertThat(cached(worker.resolve("ocr-cache"), ContentHash.of(scan))).as("the worker node's OCR cache").isEmpty();
        assertThat(learntFromHer(client, caller)).as("what the client's model still holds of her").isEmpty();
        assertThat(modelObjects(client)).as("the versions that learnt from her are gone").hasSize(1);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceIds(java.util.Set.of(callCase, documentCase)).count()).isZero();
        assertThat(objects.list("documents/" + client.id() + "/")).isEmpty();
        assertThat(jdbc.sql("select count(*) from purge_run where client_id = ?").param(client.id()).query(Long.class).single()).isGreaterThan(2);
        // the other clients' records are theirs to keep: the demo office's waiting calls are still there
        assertThat(jdbc.sql("select count(*) from call where client_id = 'cabinet-martin'").query(Long.class).single()
                + runtime.createProcessInstanceQuery().tenantIdIn("cabinet-martin").count()).isPositive();
    }

    @Test
    void anErasureLeavesNothingFindableByNumberNameOrEmailAndTheAccessLogShowsEveryRead() throws Exception {
        Client client = clients.store(TestClients.client("erasure", "fr", MessageDelivery.IMMEDIATELY, null));
        Someone caller = Someone.made();
        String endedCase = handledCall(client, caller);
        await().atMost(Duration.ofSeconds(60)).until(() -> TestMail.to(mailFolder, client.contactRules().email()).size() == 1);
        Task waiting = callWaiting(client, caller.number());
        DocumentIntake.Receipt document = intake.receive(client.id(), "courrier.pdf",
                TestDocuments.textPdf(1, List.of("Courrier de " + caller.name(), "Réponse à " + caller.email())), DocumentIntake.Source.UPLOAD, "claire");
        String documentCase = documentRead(client, document);
        // her prescription, scanned: read by this node and by a worker node, filed by a secretary so the client's model learns it
        byte[] scan = TestDocuments.scanPng(List.of("Ordonnance", caller.name(), caller.email()));
        fileAsSecretary(documentRead(client, intake.receive(client.id(), "ordonnance.png", scan, DocumentIntake.Source.UPLOAD, "claire")),
                client);
        assertThat(learntFromHer(client, caller)).as("the client's model learnt her name from the filed document").isNotEmpty();
        Path worker = readOnAWorkerNode(scan);
        appointment(client, caller, Duration.ofDays(3));

        // the reads: the calls through the API, the mail on its page, the document's preview, the waiting call's form in Tasklist
        HttpResponse<String> calls = TestOffice.call("GET", SharedNode.baseUrl() + "/api/calls?client=" + client.id() + "&caller="
                + caller.number().replace("+", "%2B"), "nadia", DEMO_PASSWORD, null);
        assertThat(calls.statusCode()).as(calls.body()).isEqualTo(200);
        StoredMail told = TestMail.to(mailFolder, client.contactRules().email()).get(0);
        assertThat(TestOffice.call("GET", SharedNode.baseUrl() + "/mail/" + told.id(), "nadia", DEMO_PASSWORD, null).statusCode()).isEqualTo(200);
        HttpResponse<String> preview = TestOffice.call("GET", SharedNode.baseUrl() + "/api/documents/" + document.documentId() + "/preview",
                "nadia", DEMO_PASSWORD, null);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(TestOffice.call("GET", SharedNode.baseUrl() + "/engine-rest/task/" + waiting.getId() + "/form-variables", "nadia",
                DEMO_PASSWORD, null).statusCode()).isEqualTo(200);

        HttpResponse<String> log = TestOffice.call("GET", api(client, "/access-log?caller=" + caller.number().replace("+", "%2B")), "nadia",
                DEMO_PASSWORD, null);
        assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
        List<String> reads = new ArrayList<>();
        JSON.readTree(log.body()).forEach(entry -> reads.add(entry.get("reader").asText() + " " + entry.get("item").asText() + " "
                + entry.get("way").asText()));
        assertThat(reads).contains("nadia CALL API", "nadia MAIL PAGE", "nadia DOCUMENT API", "nadia CALL TASKLIST");

        // what is held, by her name: the search grows to her number and e-mail (the waiting call has no row yet, only its case)
        HttpResponse<String> held = TestOffice.call("GET", api(client, "/callers?q=" + caller.name().replace(" ", "%20")), "nadia",
                DEMO_PASSWORD, null);
        assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
        JsonNode counts = JSON.readTree(held.body()).get("counts");
        assertThat(counts.get("calls").asInt()).isEqualTo(1);
        assertThat(counts.get("cases").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(counts.get("appointments").asInt()).isEqualTo(1);
        assertThat(counts.get("documents").asInt()).isEqualTo(2);

        Map<String, byte[]> export = unzip(bytes(api(client, "/callers/export?q=" + caller.email())));
        assertThat(new String(export.get("data.json"), StandardCharsets.UTF_8)).contains(caller.name(), caller.number(), caller.email());
        assertThat(export).containsKey("files/storage/documents/" + client.id() + "/" + document.documentId() + "/original");
        assertThat(export.keySet()).anyMatch(name -> name.startsWith("files/mail-server/"));

        HttpResponse<String> erased = TestOffice.call("POST", api(client, "/erasures"), "nadia", DEMO_PASSWORD,
                "{\"caller\":\"" + PhoneNumbers.readable(caller.number()) + "\"}");
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(201);
        JsonNode receipt = JSON.readTree(erased.body());
        assertThat(receipt.get("calls").asInt()).isEqualTo(1);
        assertThat(receipt.get("appointments").asInt()).isEqualTo(1);
        assertThat(receipt.get("documents").asInt()).isEqualTo(2);
        assertThat(receipt.get("casesEnded").asInt()).isGreaterThanOrEqualTo(2);

        assertThat(pruneOnWorkerNode(worker, Clock.systemUTC())).as("the worker node's round").isPositive();
        assertThat(new Traces(jdbc, objects, worker).of(caller.strings())).as("where the caller can still be found after the erasure")
                .isEmpty();
        assertThat(learntFromHer(client, caller)).as("what the client's model still holds of her").isEmpty();
        assertThat(modelObjects(client)).as("the versions that learnt from her are gone").hasSize(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceIds(java.util.Set.of(waiting.getProcessInstanceId(), documentCase))
                .count()).as("her running cases are ended").isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(endedCase).count()).isZero();
        // the office's figures still count her call and appointment, without her
        assertThat(count("call", client)).isEqualTo(1);
        assertThat(count("appointment", client)).isEqualTo(1);
        // the log of who read what stays: it names ids, never her
        assertThat(jdbc.sql("select count(*) from access_log where client_id = ?").param(client.id()).query(Long.class).single())
                .isGreaterThanOrEqualTo(4);

        HttpResponse<String> text = TestOffice.call("GET", api(client, "/erasures/" + receipt.get("id").asText()), "nadia", DEMO_PASSWORD, null);
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.body()).contains("Attestation d’effacement", client.name(), "- appels anonymisés (comptés, sans nom ni numéro) : 1")
                .doesNotContain(caller.name(), caller.number());
        // a secretary may neither erase nor look
        assertThat(TestOffice.call("POST", api(client, "/erasures"), "claire", DEMO_PASSWORD, "{\"caller\":\"" + caller.email() + "\"}")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void theNextPurgeRoundRetrainsAModelThatStillHoldsARemovedDocument() throws Exception {
        Client client = clients.store(TestClients.client("model-left", "fr", MessageDelivery.IMMEDIATELY, null));
        Someone caller = Someone.made();
        DocumentIntake.Receipt document = intake.receive(client.id(), "courrier.pdf",
                TestDocuments.textPdf(1, List.of("Courrier de " + caller.name(), "Réponse à " + caller.email())), DocumentIntake.Source.UPLOAD, "claire");
        fileAsSecretary(documentRead(client, document), client);
        assertThat(learntFromHer(client, caller)).as("the client's model learnt her name").isNotEmpty();
        // an erasure removed the document, then its retraining failed (object store down): the model still holds her
        Map<String, Object> row = new HashMap<>();
        jdbc.sql("select * from document where id = ?").param(document.documentId()).query().singleRow()
                .forEach((column, value) -> row.put(column.toLowerCase(java.util.Locale.ROOT), value));
        forgetting.document(row);
        assertThat(learntFromHer(client, caller)).isNotEmpty();

        // nothing of the client is due: the round retrains the model all the same
        purge.run(Clock.systemUTC());

        assertThat(learntFromHer(client, caller)).as("what the client's model still holds of her").isEmpty();
        assertThat(modelObjects(client)).hasSize(1);
    }

    @Test
    void aNameTooShortOrADayCountOutOfRangeIsRefusedInTheManagersLanguage() throws Exception {
        Client client = clients.store(TestClients.client("privacy-words", "fr", MessageDelivery.IMMEDIATELY, null));
        HttpResponse<String> tooShort = TestOffice.call("GET", api(client, "/callers?q=Li"), "nadia", DEMO_PASSWORD, null);
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("a name of 3 letters or more");
        HttpResponse<String> forever = TestOffice.call("PUT", api(client, "/retention"), "nadia", DEMO_PASSWORD, "{\"days\":{\"MAILS\":0}}");
        assertThat(forever.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(forever.body()).at("/errors/0/field").asText()).isEqualTo("days.MAILS");
        assertThat(TestOffice.call("GET", SharedNode.baseUrl() + "/api/clients/no-such-client/retention", "nadia", DEMO_PASSWORD, null)
                .statusCode()).isEqualTo(404);
    }

    /** A call from her number, noted with her name and e-mail as a message for the client, sent to it at once; answers its case. */
    private String handledCall(Client client, Someone caller) {
        Task handle = callWaiting(client, caller.number());
        Map<String, Object> noted = new HashMap<>();
        noted.put("callerName", caller.name());
        noted.put("reason", "Renouvellement d'ordonnance pour " + caller.name());
        noted.put("notes", "Rappeler au " + PhoneNumbers.readable(caller.number()) + " ou écrire à " + caller.email());
        noted.put("category", "message");
        noted.put("mood", "calm");
        tasks.complete(handle.getId(), noted);
        return handle.getProcessInstanceId();
    }

    private Task callWaiting(Client client, String number) {
        String instance = runtime.startProcessInstanceByKey("call-intake",
                Map.of("dialledNumber", client.phoneLines().get(0).number(), "callerNumber", number)).getId();
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("HandleCall").singleResult(), task -> task != null);
    }

    /** Waits until the document was read and its case waits for a secretary; answers the case. */
    private String documentRead(Client client, DocumentIntake.Receipt receipt) {
        return await().atMost(Duration.ofSeconds(120)).until(() -> tasks.createTaskQuery().processInstanceBusinessKey("document:" + receipt.documentId())
                .list().stream().map(Task::getProcessInstanceId).findFirst().orElse(null), id -> id != null);
    }

    /** Her appointment starting in this long, filed as the booking pages file one (the slot's own bookkeeping is the appointments' tests' business). */
    private void appointment(Client client, Someone caller, Duration startsIn) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plus(startsIn).withNano(0);
        jdbc.sql("""
                        insert into appointment (id, client_id, type_code, starts_at, ends_at, occupied_from, occupied_until, caller_name,
                          caller_number, caller_email, status, sequence, created_at, updated_at)
                        values (?, ?, 'consultation', ?, ?, ?, ?, ?, ?, ?, 'BOOKED', 0, ?, ?)""")
                .params(UUID.randomUUID().toString(), client.id(), start, start.plusMinutes(30), start, start.plusMinutes(30), caller.name(),
                        caller.number(), caller.email(), OffsetDateTime.now(ZoneOffset.UTC).minusDays(2), OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    /** A secretary files the document of this case (the case waits for her); waits until the client's model learnt from it. */
    private void fileAsSecretary(String documentCase, Client client) {
        Task classify = tasks.createTaskQuery().processInstanceId(documentCase).taskDefinitionKey("ClassifyDocument").singleResult();
        tasks.claim(classify.getId(), "claire");
        // a category the base model knows: the test client has none of its own
        tasks.complete(classify.getId(), Map.of("category", baseModel().categories().get(0)));
        await().atMost(Duration.ofSeconds(60)).until(() -> history.createHistoricProcessInstanceQuery().processInstanceId(documentCase)
                .finished().count() == 1);
        await().atMost(Duration.ofSeconds(120)).until(() -> models.latestVersion(client.id()).isPresent());
    }

    /**
     * The features of her name and e-mail that a model of the client (every version kept) holds beyond the base
     * model: what only her documents could have taught it. Her number is learnt as its shape only (how many digits).
     */
    private java.util.Set<Integer> learntFromHer(Client client, Someone caller) {
        CategoryModel base = baseModel();
        java.util.Set<Integer> learnt = new java.util.HashSet<>();
        for (String key : modelObjects(client)) {
            CategoryModel model = CategoryModel.fromBytes(objects.get(key).orElseThrow());
            learnt.addAll(TestModels.learntBeyond(model, base, caller.name() + " " + caller.email()));
        }
        return learnt;
    }

    private CategoryModel baseModel() {
        return models.load(ModelStore.BASE, models.latestVersion(ModelStore.BASE).orElseThrow()).orElseThrow();
    }

    private List<String> modelObjects(Client client) {
        return objects.list("models/" + client.id() + "/").stream().map(ObjectStorage.StoredObject::key).toList();
    }

    /** A worker node's data folder, where its reader put the scan's text in its OCR cache. */
    private Path readOnAWorkerNode(byte[] scan) throws IOException {
        Path dataDir = TestOffice.newDataDir();
        try (DocumentReader worker = reader(dataDir)) {
            assertThat(worker.read(scan).isRead()).isTrue();
        }
        assertThat(cached(dataDir.resolve("ocr-cache"), ContentHash.of(scan))).as("the worker node's OCR cache").isNotEmpty();
        return dataDir;
    }

    /** The worker node's round of {@link OcrCachePruning}, as its schedule runs it; answers how many texts went. */
    private int pruneOnWorkerNode(Path dataDir, Clock clock) {
        try (DocumentReader worker = reader(dataDir)) {
            return ocrCachePruning.prune(worker, clock);
        }
    }

    private DocumentReader reader(Path dataDir) {
        return new DocumentReader(documentProperties, dataDir);
    }

    private long count(String table, Client client) {
        return jdbc.sql("select count(*) from " + table + " where client_id = ?").param(client.id()).query(Long.class).single();
    }

    private static List<Path> cached(Path folder, String hash) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().startsWith(hash)).toList();
        }
    }

    private static String api(Client client, String rest) {
        return SharedNode.baseUrl() + "/api/clients/" + client.id() + rest;
    }

    private static byte[] bytes(String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("nadia:" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/zip");
        return response.body();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

}
