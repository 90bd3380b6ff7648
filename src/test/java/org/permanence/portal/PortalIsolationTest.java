package org.permanence.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestOffice;
import org.permanence.calls.CallRecords;
import org.permanence.calls.ClientMessage;
import org.permanence.calls.HandledCall;
import org.camunda.bpm.engine.RuntimeService;
import org.permanence.clients.ClientAbsences;
import org.permanence.dashboard.WaitingMails;
import org.permanence.documents.DocumentRecords;
import org.permanence.onboarding.engine.DemoOffice;
import org.permanence.portal.engine.ClientAccounts;
import org.permanence.security.AccessTableTest;
import org.permanence.security.BrowserSession;
import org.permanence.storage.ObjectStorage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A client's person sees its own client in the portal and nothing of another's, whatever she asks for; and she
 * reaches nothing of the office but the portal: not the API, the managers' pages, the engine or Camunda's
 * webapps — signed in by HTTP Basic or by the portal's own sign-in. The office's people get no portal.
 */
@OfficeIntegrationTest
class PortalIsolationTest {

    private static final String PASSWORD = "Portal-test-password-1";

    @Autowired
    ClientAccounts accounts;
    @Autowired
    CallRecords calls;
    @Autowired
    ClientAbsences absences;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DocumentRecords documents;
    @Autowired
    ObjectStorage objects;
    @Autowired
    RuntimeService runtime;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String doctor = "portal-gp-" + run;
    private final String lawyer = "portal-law-" + run;
    private final List<String> recorded = new ArrayList<>();
    private final List<String> filed = new ArrayList<>();
    private final List<String> drafts = new ArrayList<>();
    /** Each client's summary, due at a moment of its own (seconds since the epoch): the doctor's, then the lawyer's. */
    private final List<Long> summaries = new ArrayList<>();

    @BeforeEach
    void twoClientsWithAPersonAndAMessageEach() {
        accounts.create(DemoOffice.GP, new ClientAccount(doctor, "Jean", "Martin", null), PASSWORD).orElseThrow();
        accounts.create(DemoOffice.LAWYER, new ClientAccount(lawyer, "Anne", "Durand", null), PASSWORD).orElseThrow();
        record(DemoOffice.GP, "Mme Patiente-" + run);
        record(DemoOffice.LAWYER, "M. Justiciable-" + run);
        file(DemoOffice.GP, "ordonnance-" + run + ".pdf");
        file(DemoOffice.LAWYER, "conclusions-" + run + ".pdf");
        draft(DemoOffice.GP, "Cabinet du Dr Martin", "Vos résultats " + run);
        draft(DemoOffice.LAWYER, "Durand Avocats", "Votre audience " + run);
        summary(DemoOffice.GP, "Mme Résumée-" + run);
        summary(DemoOffice.LAWYER, "M. Résumé-" + run);
    }

    @AfterEach
    void cleanUp() {
        accounts.remove(DemoOffice.GP, doctor);
        accounts.remove(DemoOffice.LAWYER, lawyer);
        absences.end(DemoOffice.GP);
        absences.end(DemoOffice.LAWYER);
        recorded.forEach(instance -> jdbc.sql("delete from call where process_instance_id = ?").param(instance).update());
        filed.forEach(id -> jdbc.sql("delete from document where id = ?").param(id).update());
        jdbc.sql("delete from summary_message where process_instance_id like ?").param("portal-summary-" + run + "%").update();
        drafts.forEach(id -> {
            if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                runtime.deleteProcessInstance(id, "test over");
            }
        });
    }

    @Test
    void sheSeesHerClientsMessagesAndMarksThemHandled() throws Exception {
        BrowserSession browser = BrowserSession.signedInToPortal(doctor, PASSWORD);
        HttpResponse<String> page = browser.get("/portail");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Mme Patiente-" + run).doesNotContain("Justiciable-" + run);

        ClientMessage own = messageOf(DemoOffice.GP);
        HttpResponse<String> marked = browser.postForm("/portail/messages/" + own.id() + "/traite", "", csrf(browser));
        assertThat(marked.statusCode()).isEqualTo(302);
        assertThat(messageOf(DemoOffice.GP).handledBy()).isEqualTo(doctor);
        // her search finds her messages only, even when she types another client's caller
        assertThat(browser.get("/portail?q=" + encode("Justiciable-" + run)).body()).doesNotContain("M. Justiciable-" + run);
        assertThat(browser.get("/portail?q=" + encode("Patiente-" + run)).body()).contains("Mme Patiente-" + run);

        assertThat(page.body()).contains("ordonnance-" + run + ".pdf").doesNotContain("conclusions-" + run);
        HttpResponse<String> download = browser.get("/portail/documents/" + filed.get(0));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("filed " + filed.get(0));
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).startsWith("attachment").contains("ordonnance-" + run));

        // her client's daily summary, printed again as it went
        HttpResponse<String> summary = browser.get("/portail/syntheses/" + summaries.get(0));
        assertThat(summary.statusCode()).isEqualTo(200);
        assertThat(summary.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(summary.body()).startsWith("%PDF");

        // her client's draft awaiting approval: she asks for a change, and the case goes back to the secretary with it
        assertThat(page.body()).contains("Vos résultats " + run).doesNotContain("Votre audience " + run);
        HttpResponse<String> change = browser.postForm("/portail/brouillons/" + drafts.get(0),
                "answer=change&comment=" + encode("Plus court"), csrf(browser));
        assertThat(change.statusCode()).isEqualTo(302);
        assertThat(runtime.createExecutionQuery().processInstanceId(drafts.get(0)).activityId("AwaitClientApproval").count()).isZero();
    }

    @Test
    void everyPortalEndpointAnswersNothingOfAnotherClient() throws Exception {
        ClientMessage lawyersMessage = messageOf(DemoOffice.LAWYER);
        String until = LocalDateTime.now(ZoneId.of("Europe/Paris")).plusHours(3).truncatedTo(ChronoUnit.MINUTES).toString();
        String absence = "message=" + encode("absent " + run) + "&until=" + until;
        BrowserSession browser = BrowserSession.signedInToPortal(doctor, PASSWORD);
        // every portal endpoint, pointed at the lawyer's items where it names one
        record Endpoint(String method, String path, String form, List<Integer> refused) {
        }
        List<Endpoint> endpoints = List.of(
                new Endpoint("GET", "/portail?q=" + encode("Justiciable-" + run), null, List.of(200)),
                new Endpoint("POST", "/portail/messages/" + lawyersMessage.id() + "/traite", "", List.of(403, 404)),
                new Endpoint("GET", "/portail/documents/" + filed.get(1), null, List.of(403, 404)),
                new Endpoint("POST", "/portail/brouillons/" + drafts.get(1), "answer=approve", List.of(403, 404)),
                new Endpoint("GET", "/portail/syntheses/" + summaries.get(1), null, List.of(403, 404)),
                new Endpoint("POST", "/portail/absence", absence, List.of(302)),
                new Endpoint("POST", "/portail/absence/fin", "", List.of(302)));
        SoftAssertions softly = new SoftAssertions();
        for (Endpoint endpoint : endpoints) {
            HttpResponse<String> answer = "GET".equals(endpoint.method()) ? browser.get(endpoint.path())
                    : browser.postForm(endpoint.path(), endpoint.form(), csrf(browser));
            softly.assertThat(answer.statusCode()).as(endpoint.method() + " " + endpoint.path()).isIn(endpoint.refused());
            // the search box shows what she typed: the lawyer's caller is "M. Justiciable-…", never in any answer
            softly.assertThat(answer.body()).as(endpoint.path()).doesNotContain("M. Justiciable-" + run);
            // nothing of the lawyer's changed, whatever the doctor's person did
            softly.assertThat(messageOf(DemoOffice.LAWYER).handledAt()).as("after " + endpoint.path()).isNull();
            softly.assertThat(absences.at(DemoOffice.LAWYER, Instant.now())).as("after " + endpoint.path()).isEmpty();
            softly.assertThat(runtime.createExecutionQuery().processInstanceId(drafts.get(1)).activityId("AwaitClientApproval").count())
                    .as("the lawyer's draft still waits after " + endpoint.path()).isEqualTo(1);
        }
        softly.assertAll();
        // her absence was her client's
        browser.postForm("/portail/absence", absence, csrf(browser));
        assertThat(absences.at(DemoOffice.GP, Instant.now())).hasValueSatisfying(set -> assertThat(set.setBy()).isEqualTo(doctor));
    }

    @Test
    void sheReachesNothingButThePortal() throws Exception {
        BrowserSession browser = BrowserSession.signedInToPortal(doctor, PASSWORD);
        SoftAssertions softly = new SoftAssertions();
        for (String path : List.of("/api/clients", "/api/calls", "/api/clients/" + DemoOffice.GP, "/api/me/status", "/mail", "/presence",
                "/documents.html", "/manage/dashboard", "/manage/clients/" + DemoOffice.GP + "/accounts",
                "/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/", "/camunda/app/admin/default/",
                "/camunda/api/engine/engine/default/task/count", "/camunda/api/admin/auth/user/default")) {
            softly.assertThat(browser.get(path).statusCode()).as("session: GET " + path).isEqualTo(403);
        }
        for (String path : List.of("/api/clients", "/api/calls", "/manage/dashboard", "/engine-rest/task/count",
                "/engine-rest/process-instance/count", "/mail")) {
            softly.assertThat(TestOffice.call("GET", SharedNode.baseUrl() + path, doctor, PASSWORD, null).statusCode())
                    .as("Basic: GET " + path).isEqualTo(403);
        }
        softly.assertThat(TestOffice.call("GET", SharedNode.baseUrl() + "/portail", doctor, PASSWORD, null).statusCode())
                .as("Basic: GET /portail").isEqualTo(200);
        softly.assertAll();
    }

    /**
     * Every row of the access table (docs/security.md) as a client's person with HTTP Basic: all that is not open to
     * anyone (anonymous 200, a signed link's own check, the firewall's 400) nor the portal itself is refused her.
     */
    @Test
    void everyRowOfTheAccessTableButThePortalAndThePublicIsRefusedHer() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        List<AccessTableTest.Row> rows = AccessTableTest.table().stream()
                .filter(row -> !row.path().startsWith("/portail"))
                // what anonymous may reach (a public page answers her like anyone, 404 for a client with no booking page) is not refused her
                .filter(row -> !List.of("200", "own", "400", "404").contains(row.expected().get("Anonymous")))
                .toList();
        assertThat(rows).as("rows walked").hasSizeGreaterThan(40);
        for (AccessTableTest.Row row : rows) {
            softly.assertThat(TestOffice.call(row.method(), SharedNode.baseUrl() + row.path(), doctor, PASSWORD, row.body()).statusCode())
                    .as(row.method() + " " + row.path()).isEqualTo(403);
        }
        softly.assertAll();
    }

    @Test
    void theOfficesPeopleAndWrongPasswordsGetNoPortal() throws Exception {
        for (String user : List.of("sophie")) {
            assertThat(TestOffice.call("GET", SharedNode.baseUrl() + "/portail", user, DEMO_PASSWORD, null).statusCode()).as(user).isEqualTo(403);
            HttpResponse<String> signIn = TestOffice.post(SharedNode.baseUrl() + "/portail/connexion", "application/x-www-form-urlencoded",
                    "username=" + user + "&password=" + DEMO_PASSWORD);
            assertThat(signIn.statusCode()).as("portal sign-in of " + user).isEqualTo(401);
        }
        assertThat(TestOffice.post(SharedNode.baseUrl() + "/portail/connexion", "application/x-www-form-urlencoded",
                "username=" + doctor + "&password=wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> anonymous = TestOffice.call("GET", SharedNode.baseUrl() + "/portail", null, null, null);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/portail/connexion"));
    }

    @Test
    void aRemovedAccountsOpenSessionGetsNothingMore() throws Exception {
        BrowserSession browser = BrowserSession.signedInToPortal(doctor, PASSWORD);
        assertThat(browser.get("/portail").statusCode()).isEqualTo(200);

        accounts.remove(DemoOffice.GP, doctor);

        assertThat(browser.get("/portail").statusCode()).isEqualTo(403);
        assertThat(browser.get("/portail/documents/" + filed.get(0)).statusCode()).isEqualTo(403);
    }

    @Test
    void aManagerGivesAnAccountWhosePasswordIsShownOnceAndSignsIn() throws Exception {
        String assistant = "portal-new-" + run;
        BrowserSession nadia = BrowserSession.signedIn("nadia", DEMO_PASSWORD);
        try {
            nadia.get("/manage/clients/" + DemoOffice.GP + "/accounts");
            HttpResponse<String> created = nadia.postForm("/manage/clients/" + DemoOffice.GP + "/accounts",
                    "id=" + assistant + "&firstName=Lucie&lastName=Bernard", "X-PERMANENCE-XSRF", nadia.cookie("PERMANENCE-XSRF"));
            assertThat(created.statusCode()).isEqualTo(302);
            Matcher password = Pattern.compile("<code id=\"password\">([^<]+)</code>")
                    .matcher(nadia.get("/manage/clients/" + DemoOffice.GP + "/accounts").body());
            assertThat(password.find()).as("the password, shown once").isTrue();
            assertThat(nadia.get("/manage/clients/" + DemoOffice.GP + "/accounts").body()).as("and never again").doesNotContain(password.group(1));

            assertThat(BrowserSession.signedInToPortal(assistant, password.group(1)).get("/portail").statusCode()).isEqualTo(200);
        } finally {
            accounts.remove(DemoOffice.GP, assistant);
        }
    }

    @Test
    void aManagerManagesOnlyTheAccountsOfTheClientHeOpened() {
        String base = SharedNode.baseUrl() + "/manage/clients/";
        // the lawyer's person, removed through the doctor's page: not found, and still there
        assertThat(TestOffice.call("POST", base + DemoOffice.GP + "/accounts/" + lawyer + "/removal", "nadia", DEMO_PASSWORD, null)
                .statusCode()).isEqualTo(404);
        assertThat(accounts.of(DemoOffice.LAWYER)).extracting(ClientAccount::id).contains(lawyer);
        // an existing user (a secretary) is never made a client's person
        HttpResponse<String> taken = TestOffice.post(base + DemoOffice.GP + "/accounts", "application/x-www-form-urlencoded",
                "id=claire&firstName=C&lastName=M", "Authorization", basic("nadia"));
        assertThat(taken.statusCode()).isEqualTo(302);
        assertThat(accounts.of(DemoOffice.GP)).extracting(ClientAccount::id).doesNotContain("claire");
        assertThat(TestOffice.call("GET", base + DemoOffice.GP + "/accounts", "nadia", DEMO_PASSWORD, null).body()).contains(doctor)
                .doesNotContain(lawyer);
        assertThat(TestOffice.call("GET", base + DemoOffice.GP + "/accounts", "claire", DEMO_PASSWORD, null).statusCode()).isEqualTo(403);
    }

    private void record(String clientId, String callerName) {
        String instance = "portal-test-" + UUID.randomUUID();
        calls.record(new HandledCall(instance, null, clientId, "+33100000000", "+33612345678", callerName, "Rappeler " + run, "message",
                "calm", null, null, Instant.now()));
        recorded.add(instance);
    }

    /** A filed document of the client, its object in the store, listed in {@code filed} in the order made. */
    private void file(String clientId, String name) {
        String id = UUID.randomUUID().toString();
        documents.insert(id, clientId, "hash-" + id, name, 10, "UPLOAD", "test", Instant.now());
        String key = "test/" + clientId + "/" + id;
        objects.put(key, ("filed " + id).getBytes(StandardCharsets.UTF_8), "application/pdf");
        documents.markFiled(id, "courrier", "test", key, Instant.now());
        filed.add(id);
    }

    /** A daily summary that went out to the client with one message in it. */
    private void summary(String clientId, String callerName) {
        long dueAt = Instant.now().getEpochSecond() - 86_400 - summaries.size() * 3600L;
        jdbc.sql("""
                        insert into summary_message (process_instance_id, client_id, caller_name, caller_number, reason, category, mood,
                          received_at, summary_id, summarised_at) values (?, ?, ?, '+33612345678', 'Rappeler', 'message', 'calm', ?, ?, ?)""")
                .params("portal-summary-" + run + "-" + clientId, clientId, callerName, Timestamp.from(Instant.ofEpochSecond(dueAt - 3600)),
                        "daily-summary:" + clientId + ":" + Instant.ofEpochSecond(dueAt), Timestamp.from(Instant.ofEpochSecond(dueAt)))
                .update();
        summaries.add(dueAt);
    }

    /** A draft of the client waiting for its approval, as the mail-drafting process holds it. */
    private void draft(String clientId, String clientName, String subject) {
        String id = WaitingMails.awaitingClient(runtime, clientId, clientName);
        runtime.setVariable(id, "draftSubject", subject);
        runtime.setVariable(id, "draftText", "Bonjour,\n" + subject);
        drafts.add(id);
    }

    private ClientMessage messageOf(String clientId) {
        return calls.messagesOf(clientId, run, 10).get(0);
    }

    private static String[] csrf(BrowserSession browser) throws Exception {
        // a page of the portal gives the token's cookie; our forms send it back
        browser.get("/portail");
        return new String[] {"X-PERMANENCE-XSRF", browser.cookie("PERMANENCE-XSRF")};
    }

    private static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
