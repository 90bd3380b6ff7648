package org.permanence.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;
import static org.permanence.TestOffice.WORKER_PASSWORD;
import static org.permanence.TestOffice.call;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.documents.DocumentRecords;
import org.permanence.documents.StoredDocument;
import org.permanence.documents.Uploads;
import org.springframework.beans.factory.annotation.Autowired;

/** Each of issue 14's attacks on the sign-in and access rules, made as an attacker makes it, and refused. */
@OfficeIntegrationTest
class SecurityAttacksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GP = "cabinet-martin";
    private static final String WORKER = "permanence-worker";
    private final String base = SharedNode.baseUrl();

    @Autowired
    ExternalTaskService externalTasks;
    @Autowired
    HistoryService history;
    @Autowired
    DocumentRecords documents;

    @Test
    void pathsThatHideTheApiBehindAnEncodingOrAParameterAreRefusedWith400() {
        for (String user : new String[] {null, "claire"}) {
            assertThat(call("GET", base + "/%61pi/clients", user, DEMO_PASSWORD, null).statusCode()).isEqualTo(400);
            assertThat(call("GET", base + "/api;x=y/clients", user, DEMO_PASSWORD, null).statusCode()).isEqualTo(400);
            assertThat(call("GET", base + "/engine-rest;x=y/task", user, DEMO_PASSWORD, null).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void theEngineRestApiTellsAnonymousNothingNotEvenItsEnginesOrVersion() {
        assertThat(call("GET", base + "/engine-rest/engine", null, null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", base + "/engine-rest/version", null, null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", base + "/engine-rest/engine", "claire", DEMO_PASSWORD, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aSecretaryCannotFetchAndLockTheWorkersTasks() {
        String attacker = "claire-" + UUID.randomUUID();
        String fetch = "{\"workerId\":\"" + attacker + "\",\"maxTasks\":10,\"topics\":[{\"topicName\":\"identify-caller\",\"lockDuration\":600000},"
                + "{\"topicName\":\"send-mail\",\"lockDuration\":600000}]}";

        for (String path : new String[] {"/engine-rest/external-task/fetchAndLock", "/engine-rest/engine/default/external-task/fetchAndLock"}) {
            assertThat(call("POST", base + path, "claire", DEMO_PASSWORD, fetch).statusCode()).isEqualTo(403);
        }
        assertThat(call("POST", base + "/engine-rest/external-task/fetchAndLock", "nadia", DEMO_PASSWORD, fetch).statusCode()).isEqualTo(403);

        assertThat(externalTasks.createExternalTaskQuery().workerId(attacker).count()).isZero();
    }

    @Test
    void aSecretaryCannotTouchJobsOrTheHistoryCleanup() {
        List<String> cleanupJobsBefore = history.findHistoryCleanupJobs().stream().map(job -> job.getId() + job.getDuedate()).toList();

        assertThat(call("POST", base + "/engine-rest/history/cleanup?immediatelyDue=true", "claire", DEMO_PASSWORD, null).statusCode())
                .isEqualTo(403);
        assertThat(call("GET", base + "/engine-rest/job", "claire", DEMO_PASSWORD, null).statusCode()).isEqualTo(403);
        assertThat(call("PUT", base + "/engine-rest/job-definition/suspended", "sophie", DEMO_PASSWORD,
                "{\"processDefinitionKey\":\"call-intake\",\"suspended\":true,\"includeJobs\":true}").statusCode()).isEqualTo(403);
        assertThat(call("PUT", base + "/engine-rest/job/suspended", "sophie", DEMO_PASSWORD,
                "{\"processDefinitionKey\":\"call-intake\",\"suspended\":true}").statusCode()).isEqualTo(403);

        assertThat(history.findHistoryCleanupJobs().stream().map(job -> job.getId() + job.getDuedate()).toList())
                .isEqualTo(cleanupJobsBefore);
        assertThat(history.findHistoryCleanupJobs()).noneMatch(Job::isSuspended);
        assertThat(call("GET", base + "/engine-rest/job/count", "nadia", DEMO_PASSWORD, null).statusCode()).isEqualTo(200);
    }

    @Test
    void theWorkersAccountReadsNoClientCallOrMailAndMakesNoUploadLink() {
        assertThat(call("GET", base + "/api/clients", WORKER, WORKER_PASSWORD, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", base + "/api/calls", WORKER, WORKER_PASSWORD, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", base + "/mail", WORKER, WORKER_PASSWORD, null).statusCode()).isEqualTo(403);
        HttpResponse<String> link = call("POST", base + "/api/clients/" + GP + "/upload-links", WORKER, WORKER_PASSWORD, "{}");
        assertThat(link.statusCode()).isEqualTo(403);
        assertThat(link.body()).doesNotContain("/depot?t=");
    }

    @Test
    void anotherSitesPageCannotUploadADocumentWithTheManagersTasklistSession() throws Exception {
        BrowserSession nadia = BrowserSession.signedIn("nadia", DEMO_PASSWORD);
        String marker = "csrf-" + UUID.randomUUID() + ".txt";

        HttpResponse<String> forged = nadia.upload("/api/clients/" + GP + "/documents", marker, "Virement urgent".getBytes(),
                "Origin", "https://attacker.example", "Sec-Fetch-Site", "cross-site");

        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        assertThat(documentNames()).doesNotContain(marker);

        // our own page sends the token it was given: that works
        assertThat(nadia.get("/documents.html").statusCode()).isEqualTo(200);
        String token = nadia.cookie(OfficeSecurity.CSRF_COOKIE);
        assertThat(token).isNotEmpty();
        String ours = "page-" + UUID.randomUUID() + ".txt";
        HttpResponse<String> sent = nadia.upload("/api/clients/" + GP + "/documents", ours, "Bon de commande 12".getBytes(),
                OfficeSecurity.CSRF_HEADER, token);
        assertThat(sent.statusCode()).as(sent.body()).isBetween(200, 299);
        assertThat(documentNames()).contains(ours);
    }

    @Test
    void ourFormsCarryTheTokenAndAFormFromAnotherSiteDoesNot() throws Exception {
        BrowserSession nadia = BrowserSession.signedIn("nadia", DEMO_PASSWORD);
        String page = nadia.get("/manage/clients/new").body();
        Matcher field = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(field.find()).as("the form's hidden token field").isTrue();
        String clientId = "csrf-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> forged = nadia.postForm("/manage/clients/new", "id=" + clientId + "&name=Stolen", "Origin", "https://attacker.example");
        assertThat(forged.statusCode()).isEqualTo(403);

        // the page's own form, token included, reaches the onboarding, which answers with what is missing
        HttpResponse<String> ours = nadia.postForm("/manage/clients/new", "id=" + clientId + "&_csrf=" + field.group(1));
        assertThat(ours.statusCode()).isEqualTo(400);
        assertThat(ours.body()).contains("id=\"problems\"", "#contactRules.email");
        assertThat(call("GET", base + "/api/clients/" + clientId, "nadia", DEMO_PASSWORD, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aScriptWithItsOwnBasicCredentialsNeedsNoToken() throws Exception {
        String name = "basic-" + UUID.randomUUID() + ".txt";

        HttpResponse<String> sent = Uploads.upload(GP, name, "Devis 7".getBytes(), "nadia");

        assertThat(sent.statusCode()).as(sent.body()).isBetween(200, 299);
        assertThat(documentNames()).contains(name);
    }

    @Test
    void ourPagesAndApiSayTheBrowserMayRunOnlyOurCodeAndNeverFrameThem() {
        for (String path : new String[] {"/presence", "/api/clients"}) {
            HttpResponse<String> response = call("GET", base + path, "claire", DEMO_PASSWORD, null);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Security-Policy")).get().asString()
                    .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("same-origin");
            assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        }
    }

    @Test
    void healthTellsAnonymousOnlyItsStatusAndManagersItsParts() throws Exception {
        JsonNode anonymous = JSON.readTree(call("GET", base + "/actuator/health", null, null, null).body());
        assertThat(anonymous.get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.has("components")).as(anonymous.toString()).isFalse();
        assertThat(anonymous.has("details")).isFalse();
        assertThat(call("GET", base + "/actuator/prometheus", null, null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", base + "/actuator/prometheus", "claire", DEMO_PASSWORD, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", base + "/actuator/health", "claire", DEMO_PASSWORD, null).body()).doesNotContain("components");

        JsonNode manager = JSON.readTree(call("GET", base + "/actuator/health", "nadia", DEMO_PASSWORD, null).body());
        assertThat(manager.at("/components/db/status").asText()).as(manager.toString()).isEqualTo("UP");
    }

    @Test
    void aForgedHostHeaderDoesNotChooseWhereTheLoginRedirectLeads() throws Exception {
        String answer = rawGet("/presence", "attacker.example");

        assertThat(answer).startsWith("HTTP/1.1 302");
        String location = answer.lines().filter(line -> line.regionMatches(true, 0, "Location:", 0, 9)).findFirst().orElseThrow();
        assertThat(location).doesNotContain("attacker.example").contains("/camunda/app/tasklist/default/");
    }

    private List<String> documentNames() {
        return documents.ofClient(GP).stream().map(StoredDocument::originalName).toList();
    }

    /** A request with the Host header an attacker chose (Java's HTTP client will not send a forged one). */
    private static String rawGet(String path, String host) throws Exception {
        int port = Integer.parseInt(SharedNode.baseUrl().substring(SharedNode.baseUrl().lastIndexOf(':') + 1));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
