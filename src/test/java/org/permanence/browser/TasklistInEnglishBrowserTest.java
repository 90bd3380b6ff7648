package org.permanence.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.permanence.FreeDesks;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist stays usable in an English browser: claire answers a call for her doctor, picks "Prise de rendez-vous"
 * from the list, and the appointment to take reaches her own list with the doctor's appointment types to pick from,
 * Tasklist around it speaking English (its chrome follows the browser; our forms speak the office's French). The case
 * is ended after the test ({@link FreeDesks}).
 */
@Tag("browser")
@OfficeIntegrationTest
class TasklistInEnglishBrowserTest {

    // the demo office: only claire serves the GP practice, so its calls are hers
    private static final String DOCTOR_LINE = "+33 1 45 67 89 10";

    @RegisterExtension
    static final HeadlessChromium browser = new HeadlessChromium();
    @RegisterExtension
    final FreeDesks desks = new FreeDesks("claire");

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @Test
    void sheTakesACallThroughToItsAppointmentInEnglish() {
        Tasklist tasklist = new Tasklist(browser, SharedNode.baseUrl() + "/camunda/app/tasklist/default/");
        tasklist.signIn("claire", DEMO_PASSWORD);

        String call = runtime.startProcessInstanceByKey("call-intake", Map.of("dialledNumber", DOCTOR_LINE,
                "callerNumber", String.format("07%08d", Math.floorMod(System.nanoTime(), 100_000_000L)))).getId();
        Task handle = awaitTask(call, "HandleCall");
        assertThat(handle.getAssignee()).isEqualTo("claire");
        tasklist.reload();
        tasklist.open(handle.getId());
        tasklist.fill("CallerName", "Mr Smith");
        tasklist.fill("Reason", "A check-up next week");
        tasklist.choose("Category", "Prise de rendez-vous");
        tasklist.check("Mood", "Calme");
        assertThat(body()).contains("Complete", "Created").doesNotContain("Terminer", "Créée");
        browser.screenshot("english-1-call");
        tasklist.complete(handle.getId());

        Task take = awaitTask(call, "TakeAppointment");
        assertThat(take.getAssignee()).as("the call's follow-up, to whoever took it").isEqualTo("claire");
        tasklist.reload();
        assertThat(tasklist.listedTaskIds()).contains(take.getId());
        tasklist.open(take.getId());
        List<String> types = tasklist.optionsOf("AppointmentType");
        assertThat(types).isNotEmpty();
        tasklist.choose("AppointmentType", types.get(0));
        browser.screenshot("english-2-appointment");
        assertThat(body()).contains("Complete").doesNotContain("Terminer");
    }

    private Task awaitTask(String instance, String type) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(type).singleResult(), task -> task != null);
    }

    private String body() {
        return browser.driver().findElement(By.tagName("body")).getText();
    }
}
