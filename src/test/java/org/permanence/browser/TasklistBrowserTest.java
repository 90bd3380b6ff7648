package org.permanence.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Tag;
import org.permanence.FreeDesks;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestMail;
import org.permanence.assignment.SecretaryStatuses;
import org.permanence.assignment.Status;
import org.permanence.mail.MailFolder;
import org.permanence.mail.StoredMail;
import org.permanence.browser.Tasklist.OpenedTask;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a secretary does in Camunda Tasklist, in a real (headless) browser: she signs in, finds her
 * clients' calls and no one else's, opens a call the office gave her, reads the client's briefing card,
 * fills the form and completes the task; the engine then holds what she typed, and the client gets the message by e-mail. Screenshots: {@code target/screenshots}.
 */
@Tag("browser")
@OfficeIntegrationTest
class TasklistBrowserTest {

    // the demo office (DemoOffice): claire serves the GP practice and the plumber, not the law firm
    private static final String GP = "cabinet-martin";
    private static final String LAWYER = "durand-avocats";
    private static final String PLUMBER = "plomberie-leroy";
    private static final Map<String, String> CLIENT_NAMES = Map.of(
            GP, "Cabinet du Dr Martin", LAWYER, "Cabinet Durand Avocats", PLUMBER, "Plomberie Leroy");
    private static final String PLUMBER_LINE = "+33556987654";
    private static final String PLUMBER_MAILBOX = "contact@plomberie-leroy.example.fr";

    @RegisterExtension
    static final HeadlessChromium browser = new HeadlessChromium();
    @RegisterExtension
    final FreeDesks desks = new FreeDesks("claire", "sophie");

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    MailFolder mailFolder;
    @Autowired
    SecretaryStatuses statuses;
    @Autowired
    IdentityService identity;

    /**
     * Other tests on the shared node make clients of their own for claire (documents, uploads) and may
     * leave her a task there; what this test checks is the demo office's calls in her list, so such
     * clients' running work goes first. The demo clients' work is left as it is.
     */
    @BeforeEach
    void onlyTheDemoOfficesWorkInHerList() {
        List<String> madeByOtherTests = identity.createTenantQuery().userMember("claire").list().stream()
                .map(Tenant::getId).filter(tenant -> !CLIENT_NAMES.containsKey(tenant)).toList();
        if (!madeByOtherTests.isEmpty()) {
            runtime.createProcessInstanceQuery().tenantIdIn(madeByOtherTests.toArray(String[]::new)).list()
                    .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "another test's client"));
        }
    }

    @Test
    void aSecretarySeesHerClientsCallsAndHandlesOneInTasklist() {
        // the demo starts one call per client; the identify-caller worker files each under its client
        await().atMost(Duration.ofSeconds(60)).until(() -> tenantsOfCallsToHandle(GP, LAWYER, PLUMBER).size() >= 3);
        Tasklist tasklist = new Tasklist(browser, SharedNode.baseUrl() + "/camunda/app/tasklist/default/");

        tasklist.signIn("claire", DEMO_PASSWORD);

        // her clients' calls, every one and no other (in the demo office: one of the GP's, one of the plumber's)
        assertThat(tasklist.activeFilter()).contains("Tâches de mes clients");
        List<String> listed = tasklist.listedTaskIds();
        browser.screenshot("tasklist-1-her-calls");
        List<OpenedTask> shown = listed.stream().map(tasklist::open).toList();
        assertThat(shown).extracting(OpenedTask::tenant)
                .containsExactlyInAnyOrderElementsOf(tenantsOfCallsToHandle(GP, PLUMBER))
                .contains(GP, PLUMBER)
                .doesNotContain(LAWYER);
        // the briefing card is the right client's: the form shows the call's own variables
        shown.forEach(task -> assertThat(task.briefing()).as("briefing of %s", task).startsWith(CLIENT_NAMES.get(task.tenant())));

        // a new call rings on the plumber's line (he wants messages at once); she handles this one, so the
        // demo's calls stay for the other tests. A caller of its own: a known caller's name would be filled in.
        // Sophie, who serves the plumber too, is on a break: the office gives the call to claire.
        String callerDigits = String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
        statuses.set("sophie", Status.BREAK, 15);
        String call;
        try {
            call = runtime.startProcessInstanceByKey("call-intake",
                    Map.of("dialledNumber", PLUMBER_LINE, "callerNumber", "07" + callerDigits)).getId();
            assertThat(awaitCallToHandle(call).getAssignee()).isEqualTo("claire");
        } finally {
            statuses.set("sophie", Status.AVAILABLE, null);
        }
        String taskId = awaitCallToHandle(call).getId();
        tasklist.reload();
        assertThat(tasklist.listedTaskIds()).hasSize(listed.size() + 1).contains(taskId);

        OpenedTask opened = tasklist.open(taskId);
        assertThat(opened.tenant()).isEqualTo(PLUMBER);
        assertThat(opened.briefing()).contains("Plomberie Leroy", "Plomberie Leroy, bonjour, je vous écoute.",
                "odeur de gaz", "Appelant : +337" + callerDigits, "Premier appel de ce numéro.");
        assertThat(tasklist.claim()).isEqualTo("Claire Moreau");
        browser.screenshot("tasklist-2-briefing");

        tasklist.fill("CallerName", "Mme Lefèvre");
        String reason = "Fuite sous l'évier, rappeler avant midi (" + callerDigits + ")";
        tasklist.fill("Reason", reason);
        tasklist.choose("Category", "Message à transmettre");
        tasklist.check("Mood", "Calme");
        browser.screenshot("tasklist-3-filled");
        tasklist.complete(taskId);
        browser.screenshot("tasklist-4-completed");

        // the engine holds the task as completed by her, with what she typed and picked
        HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        assertThat(done.getEndTime()).isNotNull();
        assertThat(done.getDeleteReason()).isEqualTo("completed");
        assertThat(done.getAssignee()).isEqualTo("claire");
        assertThat(variables(call)).containsEntry("callerName", "Mme Lefèvre")
                .containsEntry("reason", reason)
                .containsEntry("category", "message")
                .containsEntry("mood", "calm");

        // and the plumber gets the message by e-mail, as his contact rules ask
        StoredMail mail = await().atMost(Duration.ofSeconds(30)).until(() -> TestMail.to(mailFolder, PLUMBER_MAILBOX).stream()
                .filter(sent -> sent.text().contains(reason)).findFirst(), Optional::isPresent).orElseThrow();
        assertThat(mail.subject()).isEqualTo("Message de Mme Lefèvre : " + reason);
        assertThat(mail.clientId()).contains(PLUMBER);

        // still signed in from Tasklist, she reads it on the "Mails envoyés" page, as the plumber got it
        browser.driver().get(SharedNode.baseUrl() + "/mail");
        browser.waitUntil("the sent mail to be listed", driver -> driver.findElement(By.tagName("body")).getText().contains(reason));
        browser.driver().findElement(By.linkText(mail.subject())).click();
        browser.waitUntil("the mail to open", driver -> driver.findElement(By.cssSelector("pre.body")).getText().contains(reason));
        browser.screenshot("tasklist-5-sent-mail");
    }

    /** The tenant of each call waiting for a secretary, as the engine holds them (no user's rights applied). */
    private List<String> tenantsOfCallsToHandle(String... tenantIds) {
        return tasks.createTaskQuery().processDefinitionKey("call-intake").taskDefinitionKey("HandleCall")
                .tenantIdIn(tenantIds).list().stream().map(Task::getTenantId).toList();
    }

    private Task awaitCallToHandle(String processInstanceId) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey("HandleCall").singleResult(),
                task -> task != null);
    }

    private Map<String, Object> variables(String processInstanceId) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list().stream()
                .filter(variable -> variable.getValue() != null)
                .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue));
    }
}
