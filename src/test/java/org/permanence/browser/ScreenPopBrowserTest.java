package org.permanence.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.permanence.AircallEvents;
import org.permanence.FreeDesks;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestOffice;
import org.permanence.assignment.SecretaryStatuses;
import org.permanence.assignment.Status;
import org.permanence.clients.Client;
import org.permanence.clients.ClientRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The call on her screen when the phone rings, in a real French browser: claire has Tasklist open, a call for
 * her doctor reaches the Aircall webhook, and the Traiter l'appel task appears in her list with no reload,
 * with a desktop notification naming the client and its greeting. Turned off, the alerts stay off after a reload
 * and the next call only refreshes her list.
 */
@Tag("browser")
@OfficeIntegrationTest
class ScreenPopBrowserTest {

    private static final String DOCTOR = "cabinet-martin";
    private static final String DOCTOR_LINE = "+33 1 45 67 89 10";
    private static final By ALERTS = By.id("permanence-call-alerts");
    /**
     * Records the notifications the page shows, and stops Tasklist's own refresh every 10 seconds: only the push
     * can then bring a new task into the list. The mark proves the page was never reloaded.
     */
    private static final String HOOKS = """
            window.permanenceNotices = [];
            window.Notification = function (title, options) { window.permanenceNotices.push({title: title, body: options.body}); };
            window.Notification.permission = 'granted';
            window.Notification.requestPermission = () => Promise.resolve('granted');
            const root = window.angular.element(document.body).injector().get('$rootScope');
            const broadcast = root.$broadcast;
            root.$broadcast = function (name) { return name === 'refresh' ? undefined : broadcast.apply(this, arguments); };
            window.permanenceSamePage = true;""";

    @RegisterExtension
    static final HeadlessChromium browser = HeadlessChromium.inAFrenchOffice();

    @RegisterExtension
    final FreeDesks desks = new FreeDesks("claire");

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    SecretaryStatuses statuses;
    @Autowired
    ClientRepository clients;

    private final List<String> instances = new ArrayList<>();

    @AfterEach
    void hangUp() {
        // their escalation timers must not fire later in the shared node
        instances.forEach(id -> runtime.deleteProcessInstance(id, "test over"));
        localStorage("removeItem", "permanence.call-alerts.claire");
    }

    @Test
    void aCallForHerClientAppearsWithoutReloadAndTellsHer() {
        statuses.set("claire", Status.AVAILABLE, null);
        Tasklist tasklist = new Tasklist(browser, SharedNode.baseUrl() + "/camunda/app/tasklist/default/");
        tasklist.signIn("claire", DEMO_PASSWORD);
        awaitListening();
        List<String> before = tasklist.listedTaskIds();
        script(HOOKS);

        Task call = ring();
        browser.waitUntil("the new call in her list, without a reload", driver -> tasklist.listedTaskIds().contains(call.getId()));
        assertThat(script("return window.permanenceSamePage === true")).as("the page was not reloaded").isEqualTo(true);
        assertThat(before).doesNotContain(call.getId());
        Client doctor = clients.findById(DOCTOR).orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, String>> notices = (List<Map<String, String>>) browser.waitUntil("the desktop notification",
                driver -> ((List<?>) script("return window.permanenceNotices")).isEmpty() ? null : script("return window.permanenceNotices"));
        assertThat(notices).singleElement().satisfies(notice -> {
            assertThat(notice.get("title")).isEqualTo("Appel pour " + doctor.name());
            assertThat(notice.get("body")).isEqualTo(doctor.briefing().greeting());
        });
        browser.screenshot("screen-pop-1-call-appears");

        // she turns the alerts off; after a reload they are still off, and the next call only refreshes her list
        browser.click(ALERTS, "the call alerts button");
        browser.waitUntil("the alerts to be off", driver -> "off".equals(driver.findElement(ALERTS).getDomAttribute("data-alerts")));
        tasklist.reload();
        awaitListening();
        browser.waitUntil("the alerts still off", driver -> "off".equals(driver.findElement(ALERTS).getDomAttribute("data-alerts")));
        script(HOOKS);
        Task quiet = ring();
        browser.waitUntil("the next call in her list", driver -> tasklist.listedTaskIds().contains(quiet.getId()));
        assertThat((List<?>) script("return window.permanenceNotices")).as("no notification once she turned them off").isEmpty();
        browser.screenshot("screen-pop-2-alerts-off");
    }

    private void awaitListening() {
        browser.waitUntil("the call alerts to listen",
                driver -> "listening".equals(script("return document.documentElement.dataset.screenPop")));
    }

    /** A call on the doctor's line, as Aircall posts it; answers its Traiter l'appel task. */
    private Task ring() {
        String callId = "screen-pop-" + UUID.randomUUID();
        HttpResponse<String> posted = TestOffice.post(SharedNode.baseUrl() + "/webhooks/aircall", "application/json",
                AircallEvents.callCreated(TestOffice.AIRCALL_TOKEN, callId, DOCTOR_LINE, AircallEvents.mobile((int) Math.floorMod(System.nanoTime(), 100_000_000L))));
        assertThat(posted.statusCode()).as(posted.body()).isLessThan(300);
        Task task = browser.waitUntil("the call's task in the engine", driver -> tasks.createTaskQuery().tenantIdIn(DOCTOR)
                .taskDefinitionKey("HandleCall").processVariableValueEquals("providerCallId", callId).singleResult());
        instances.add(task.getProcessInstanceId());
        return task;
    }

    private Object script(String code) {
        return ((JavascriptExecutor) browser.driver()).executeScript(code);
    }

    private void localStorage(String method, String key) {
        ((JavascriptExecutor) browser.driver()).executeScript("window.localStorage[arguments[0]](arguments[1])", method, key);
    }
}
