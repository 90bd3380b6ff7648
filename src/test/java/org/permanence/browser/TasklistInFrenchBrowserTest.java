package org.permanence.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.permanence.FreeDesks;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.mail.MailFolder;
import org.permanence.mail.StoredMail;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist as a secretary in a French office sees it, in a real browser whose language is French
 * and whose clock is on Paris time: the login page, the header, the task list and the task card speak
 * French (our locales/fr.json), dates read the French way, and times are said to be Paris time. An
 * American browser still gets Camunda's English. Screenshots: {@code target/screenshots}.
 */
@Tag("browser")
@OfficeIntegrationTest
class TasklistInFrenchBrowserTest {

    private static final String PLUMBER_LINE = "+33556987654";
    private static final By SIGN_IN = By.cssSelector("form[name='signinForm'] button[type='submit']");
    private static final By COMPLETE = By.cssSelector(".task-card .form-actions button[ng-click='complete()']");
    private static final By TIME_ZONE = By.id("footer-timezone");
    /** Tasklist's own English wording, as she saw it beside our French forms before. */
    private static final List<String> ENGLISH_CHROME = List.of("Start process", "Claim", "Complete", "Due in", "Created",
            "Follow-up", "Log out", "Date and Time displayed", "Add a comment", "Assigned to you", "Filter Tasks", "Loading",
            // form-js's own words in the task forms
            "Select", "No results");

    @RegisterExtension
    static final HeadlessChromium browser = HeadlessChromium.inAFrenchOffice();
    @RegisterExtension
    static final HeadlessChromium american = new HeadlessChromium();
    @RegisterExtension
    final FreeDesks desks = new FreeDesks("claire", "sophie");

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    MailFolder mailFolder;

    private String call;

    @AfterEach
    void hangUp() {
        if (call != null) {
            runtime.deleteProcessInstance(call, "the French Tasklist test's own call");
        }
    }

    /** The web apps ask for locales/fr.json when the browser is French; ours answers, Camunda ships none. */
    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void eachWebAppServesOurFrench(String app) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(SharedNode.baseUrl() + "/camunda/app/" + app + "/locales/fr.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"PAGE_LOGIN_SIGN_IN_ACTION\": \"Se connecter\"");
    }

    /** Cockpit and Admin, where the office manager works, greet her in French too. */
    @ParameterizedTest
    @ValueSource(strings = {"cockpit", "admin"})
    void theManagersAppsSignInInFrench(String app) {
        browser.driver().manage().deleteAllCookies();
        browser.driver().get(SharedNode.baseUrl() + "/camunda/app/" + app + "/default/");
        assertThat(signInLabel()).isEqualTo("Se connecter");
        assertThat(placeholder("username")).isEqualTo("Identifiant");
        browser.screenshot("french-" + app + "-login");
    }

    @Test
    void aSecretaryInAFrenchOfficeWorksInFrench() {
        String url = SharedNode.baseUrl() + "/camunda/app/tasklist/default/";
        browser.driver().manage().deleteAllCookies();
        browser.driver().get(url);
        assertThat(signInLabel()).isEqualTo("Se connecter");
        assertThat(placeholder("username")).isEqualTo("Identifiant");
        assertThat(placeholder("password")).isEqualTo("Mot de passe");
        assertThat(body()).contains("Il est temps de migrer vers Camunda 8").doesNotContain("It is time to migrate");
        browser.screenshot("french-1-login");

        Tasklist tasklist = new Tasklist(browser, url);
        tasklist.signIn("claire", DEMO_PASSWORD);

        Task handleCall = aCallForClaireDueInTenMinutes();
        tasklist.reload();
        assertThat(tasklist.listedTaskIds()).contains(handleCall.getId());
        tasklist.open(handleCall.getId());
        String complete = browser.waitUntil("the Complete button", visibilityOfElementLocated(COMPLETE)).getText().trim();
        browser.screenshot("french-2-task");

        assertThat(complete).isEqualTo("Terminer");
        assertThat(body()).contains("Démarrer un processus", "Échéance dans 10 minutes", "Créée il y a", "Formulaire", "Historique");
        assertThat(browser.driver().findElement(TIME_ZONE).getText())
                .isEqualTo("Dates et heures affichées dans le fuseau horaire local : Europe/Paris");
        assertThat(ENGLISH_CHROME).allSatisfy(english -> assertThat(body()).doesNotContain(english));
    }

    /**
     * The whole way from a call to its appointment ({@link CallToAppointment}), with none of Tasklist's English on any
     * screen: the category and the type picked, a slot typed that the office refuses in French, the task left with her,
     * a free slot picked from the list, named in the caller's confirmation.
     */
    @Test
    void sheTakesACallThroughToItsAppointmentInFrench() {
        String url = SharedNode.baseUrl() + "/camunda/app/tasklist/default/";
        browser.driver().manage().deleteAllCookies();
        Tasklist tasklist = new Tasklist(browser, url);
        tasklist.signIn("claire", DEMO_PASSWORD);

        StoredMail confirmation = new CallToAppointment(browser, tasklist, runtime, tasks, mailFolder).walk("french", page -> {
            assertThat(page).contains("Terminer", "Créée il y a");
            assertThat(ENGLISH_CHROME).allSatisfy(english -> assertThat(page).doesNotContain(english));
            assertThat(browser.driver().findElements(By.cssSelector(".fjs-container input[placeholder]")))
                    .extracting(input -> input.getAttribute("placeholder")).doesNotContain("Search");
        });

        assertThat(confirmation.text()).contains("Votre rendez-vous", "Confirmer votre venue");
    }

    @Test
    void anAmericanBrowserStillGetsCamundasEnglish() {
        american.driver().get(SharedNode.baseUrl() + "/camunda/app/tasklist/default/");
        String signIn = american.waitUntil("the login page", driver -> {
            String label = driver.findElement(SIGN_IN).getText().trim();
            return label.isEmpty() ? null : label;
        });
        assertThat(signIn).isEqualTo("Log in");

        // all of it in English, the times too: Tasklist once loaded the French as a fallback and its dates followed it
        Tasklist tasklist = new Tasklist(american, SharedNode.baseUrl() + "/camunda/app/tasklist/default/");
        tasklist.signIn("claire", DEMO_PASSWORD);
        Task handleCall = aCallForClaireDueInTenMinutes();
        tasklist.reload();
        assertThat(tasklist.listedTaskIds()).contains(handleCall.getId());
        tasklist.open(handleCall.getId());
        american.waitUntil("the Complete button", visibilityOfElementLocated(COMPLETE));
        String page = american.driver().findElement(By.tagName("body")).getText();
        assertThat(page).contains("Due in 10 minutes", "Created a few seconds ago").doesNotContain("dans 10 minutes", "il y a");
    }

    /** A call on the plumber's line, hers to answer in ten minutes (who gets calls is the assignment tests' business). */
    private Task aCallForClaireDueInTenMinutes() {
        call = runtime.startProcessInstanceByKey("call-intake", Map.of("dialledNumber", PLUMBER_LINE, "callerNumber", "06" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L)))).getId();
        Task handleCall = await().atMost(Duration.ofSeconds(30)).until(
                () -> tasks.createTaskQuery().processInstanceId(call).taskDefinitionKey("HandleCall").singleResult(),
                task -> task != null);
        handleCall.setAssignee("claire");
        handleCall.setDueDate(Date.from(Instant.now().plus(Duration.ofMinutes(10))));
        tasks.saveTask(handleCall);
        return handleCall;
    }

    /** The login button's label, once Angular has translated it (its text is empty until then). */
    private String signInLabel() {
        return browser.waitUntil("the login page", driver -> {
            String label = driver.findElement(SIGN_IN).getText().trim();
            return label.isEmpty() ? null : label;
        });
    }

    private String placeholder(String field) {
        return browser.driver().findElement(By.cssSelector("form[name='signinForm'] input[ng-model='" + field + "']")).getDomAttribute("placeholder");
    }

    private String body() {
        return browser.driver().findElement(By.tagName("body")).getText();
    }
}
