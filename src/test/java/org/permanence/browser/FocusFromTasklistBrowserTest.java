package org.permanence.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.permanence.RingingCalls;
import org.permanence.FreeDesks;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.assignment.SecretaryDayProperties;
import org.permanence.assignment.SecretaryStatuses;
import org.permanence.assignment.Status;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Focus set from Tasklist, in a real browser: claire follows the link in Tasklist's header to her
 * status page and sets focus until a time; the plumber's next ordinary call goes to sophie, and once
 * sophie is on a break the urgent follow-up of a call still reaches claire, in her Tasklist.
 */
@Tag("browser")
@OfficeIntegrationTest
class FocusFromTasklistBrowserTest {

    private static final String PLUMBER_LINE = "+33556987654";
    private static final By PRESENCE_LINK = By.id("permanence-presence");

    @RegisterExtension
    static final HeadlessChromium browser = new HeadlessChromium();

    @RegisterExtension
    final FreeDesks desks = new FreeDesks("claire", "sophie");

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    SecretaryStatuses statuses;
    @Autowired
    SecretaryDayProperties day;

    @AfterEach
    void everyoneBackAtWork() {
        List.of("claire", "sophie").forEach(id -> statuses.set(id, Status.AVAILABLE, null));
    }

    @Test
    void claireSetsFocusFromTasklistAndOnlyUrgentWorkReachesHer() {
        Tasklist tasklist = new Tasklist(browser, SharedNode.baseUrl() + "/camunda/app/tasklist/default/");
        tasklist.signIn("claire", DEMO_PASSWORD);
        browser.waitUntil("her status in Tasklist's header",
                driver -> "AVAILABLE".equals(driver.findElement(PRESENCE_LINK).getDomAttribute("data-status")));
        browser.screenshot("focus-1-tasklist-header");
        browser.click(PRESENCE_LINK, "the Ma disponibilité link");
        browser.waitUntil("her status page", visibilityOfElementLocated(By.id("focus")));

        // an hour from now, or the end of the day when that is tomorrow
        ZonedDateTime now = ZonedDateTime.now(day.timeZone());
        String until = now.plusHours(1).toLocalDate().equals(now.toLocalDate())
                ? now.plusHours(1).format(DateTimeFormatter.ofPattern("HH:mm")) : "23:59";
        // a time field's typing rules depend on the browser's language: set its value as the picker would
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('focus-until').value = arguments[0]", until);
        browser.click(By.id("focus"), "Concentration jusqu'à…");
        browser.waitUntil("her status to read focus",
                driver -> "FOCUS".equals(driver.findElement(By.id("my-status")).getDomAttribute("data-status")));
        browser.screenshot("focus-2-status-page");
        assertThat(statuses.of("claire").status()).isEqualTo(Status.FOCUS);

        Task ordinary = callToHandle();
        assertThat(ordinary.getAssignee()).as("an ordinary call goes to her colleague").isEqualTo("sophie");

        statuses.set("sophie", Status.BREAK, 15);
        Task confirm = RingingCalls.notedUrgent(tasks, ordinary, "Odeur de gaz dans la cave");
        assertThat(confirm.getAssignee()).as("urgent work reaches her in focus").isEqualTo("claire");

        // the link loads Tasklist afresh: a second navigation on top of it could leave Tasklist half-loaded
        browser.click(By.id("back-to-tasklist"), "the Tasklist link");
        tasklist.awaitFilters();
        assertThat(tasklist.listedTaskIds()).contains(confirm.getId());
        browser.screenshot("focus-3-urgent-in-tasklist");
        // its escalation timer must not fire later in the shared node
        runtime.deleteProcessInstance(ordinary.getProcessInstanceId(), "test over");
    }

    private Task callToHandle() {
        return RingingCalls.callToHandle(runtime, tasks, PLUMBER_LINE);
    }
}
