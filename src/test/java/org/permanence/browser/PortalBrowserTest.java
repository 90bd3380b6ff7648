package org.permanence.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.permanence.AircallEvents;
import org.permanence.FreeDesks;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestOffice;
import org.permanence.calls.CallRecords;
import org.permanence.calls.HandledCall;
import org.permanence.clients.ClientAbsences;
import org.permanence.onboarding.engine.DemoOffice;
import org.permanence.portal.ClientAccount;
import org.permanence.portal.engine.ClientAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The client portal in a real French browser: the doctor's assistant signs in, reads the message a call left,
 * says the doctor is away this afternoon with urgent calls to Dr Petit; the next call to the practice shows it on
 * the briefing card claire reads in Tasklist.
 */
@Tag("browser")
@OfficeIntegrationTest
class PortalBrowserTest {

    private static final String DOCTOR_LINE = "+33 1 45 67 89 10";
    private static final String PASSWORD = "Portal-browser-password-1";

    @RegisterExtension
    static final HeadlessChromium browser = HeadlessChromium.inAFrenchOffice();

    @RegisterExtension
    final FreeDesks desks = new FreeDesks("claire");

    @Autowired
    ClientAccounts accounts;
    @Autowired
    CallRecords calls;
    @Autowired
    ClientAbsences absences;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String assistant = "assistante-" + run;
    private final String message = "portal-msg-" + UUID.randomUUID();
    private final List<String> instances = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        // the call's escalation timers must not fire later in the shared node, nor the absence reach others' cards
        instances.forEach(id -> runtime.deleteProcessInstance(id, "test over"));
        absences.end(DemoOffice.GP);
        accounts.remove(DemoOffice.GP, assistant);
        jdbc.sql("delete from call where process_instance_id = ?").param(message).update();
    }

    @Test
    void sheReadsAMessageSetsAnAbsenceAndTheNextCallsCardShowsIt() {
        accounts.create(DemoOffice.GP, new ClientAccount(assistant, "Lucie", "Bernard", null), PASSWORD).orElseThrow();
        calls.record(new HandledCall(message, null, DemoOffice.GP, DOCTOR_LINE, "+33611223344", "Mme Lemoine " + run,
                "Demande un rappel pour ses résultats", "message", "calm", "Rappeler avant 18 h", null, Instant.now()));

        // the portal sends her to its sign-in first
        browser.driver().get(SharedNode.baseUrl() + "/portail");
        browser.waitUntil("the portal's sign-in", visibilityOfElementLocated(By.id("sign-in")));
        browser.driver().findElement(By.id("username")).sendKeys(assistant);
        browser.driver().findElement(By.id("password")).sendKeys(PASSWORD);
        browser.click(By.id("sign-in-button"), "Se connecter");

        WebElement row = browser.waitUntil("the message the call left", visibilityOfElementLocated(By.xpath(
                "//tr[contains(@class, 'message')][contains(., 'Mme Lemoine " + run + "')]")));
        assertThat(row.getText()).contains("Demande un rappel pour ses résultats", "Rappeler avant 18 h");
        browser.screenshot("portal-1-messages");

        String until = LocalDateTime.now(ZoneId.of("Europe/Paris")).plusHours(4).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        String away = "Absent cet après-midi — urgences au Dr Petit " + run;
        browser.driver().findElement(By.id("absence-text")).sendKeys(away);
        // a date-time field is typed differently in each locale: set it as the field holds it
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]",
                browser.driver().findElement(By.id("absence-until")), until);
        browser.driver().findElement(By.id("absence-urgent")).sendKeys("06 12 34 56 78");
        browser.click(By.id("set-absence"), "Enregistrer l'absence");
        assertThat(browser.waitUntil("her absence on the page", visibilityOfElementLocated(By.id("current-absence"))).getText())
                .contains(away, "+33 6 12 34 56 78");
        browser.screenshot("portal-2-absence");
        browser.click(By.id("sign-out"), "Se déconnecter");
        browser.waitUntil("the portal's sign-in again", visibilityOfElementLocated(By.id("sign-in")));

        // the next call to the practice: claire reads the absence on its card
        Task call = ring();
        Tasklist tasklist = new Tasklist(browser, SharedNode.baseUrl() + "/camunda/app/tasklist/default/");
        tasklist.signIn("claire", DEMO_PASSWORD);
        browser.waitUntil("the call in her list", driver -> tasklist.listedTaskIds().contains(call.getId()));
        String briefing = tasklist.open(call.getId()).briefing();
        assertThat(briefing).contains("Disponibilité du client", away, "Urgences : transférer au +33 6 12 34 56 78");
        browser.screenshot("portal-3-briefing-card");
    }

    /** A call on the doctor's line, as Aircall posts it; answers its Traiter l'appel task. */
    private Task ring() {
        String callId = "portal-" + UUID.randomUUID();
        HttpResponse<String> posted = TestOffice.post(SharedNode.baseUrl() + "/webhooks/aircall", "application/json",
                AircallEvents.callCreated(TestOffice.AIRCALL_TOKEN, callId, DOCTOR_LINE,
                        AircallEvents.mobile((int) Math.floorMod(System.nanoTime(), 100_000_000L))));
        assertThat(posted.statusCode()).as(posted.body()).isLessThan(300);
        Task task = browser.waitUntil("the call's task in the engine", driver -> tasks.createTaskQuery().tenantIdIn(DemoOffice.GP)
                .taskDefinitionKey("HandleCall").processVariableValueEquals("providerCallId", callId).singleResult());
        instances.add(task.getProcessInstanceId());
        return task;
    }
}
