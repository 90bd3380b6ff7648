package org.permanence.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestMail;
import org.permanence.mail.MailFolder;
import org.permanence.mail.StoredMail;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A secretary reviews a draft in Tasklist: she reads the mail the template wrote, rewrites a line,
 * sends it, and finds it on the "Mails envoyés" page as the caller got it. Screenshots: {@code target/screenshots}.
 */
@Tag("browser")
@OfficeIntegrationTest
class DraftReviewBrowserTest {

    @RegisterExtension
    static final HeadlessChromium browser = new HeadlessChromium();

    /** The demo office's GP practice, which claire serves. */
    private static final String GP = "cabinet-martin";

    @Autowired
    MailFolder mailFolder;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;

    /** This test's case, on a demo client's queue: never left there for the other browser test to find. */
    private String mail;

    @AfterEach
    void leaveNoTaskInTheDemoQueues() {
        if (mail != null) {
            runtime.deleteProcessInstanceIfExists(mail, "browser test over", true, true, true, true);
        }
    }

    @Test
    void aSecretaryEditsADraftInTasklistSendsItAndSeesItSent() {
        String recipient = "patient-" + System.nanoTime() + "@example.fr";
        mail = runtime.startProcessInstanceByKey("mail-drafting", Map.of("clientId", GP, "templateCode", "answer",
                "recipientEmail", recipient, "callerName", "Mme Lefèvre", "reason", "Renouvellement d'ordonnance")).getId();
        Task review = await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery().processInstanceId(mail)
                .taskDefinitionKey("ReviewDraft").singleResult(), task -> task != null);
        Tasklist tasklist = new Tasklist(browser, SharedNode.baseUrl() + "/camunda/app/tasklist/default/");

        tasklist.signIn("claire", DEMO_PASSWORD);
        Tasklist.OpenedTask opened = tasklist.open(review.getId());
        assertThat(opened.tenant()).isEqualTo(GP);
        assertThat(opened.briefing()).startsWith("Cabinet du Dr Martin — réf. M-");
        tasklist.claim();
        assertThat(tasklist.valueOf("DraftText")).startsWith("Bonjour Mme Lefèvre,")
                .contains("au sujet de : Renouvellement d'ordonnance");
        browser.screenshot("draft-1-review");

        String edited = "Bonjour Mme Lefèvre,\n\nVotre ordonnance est prête à l'accueil du cabinet dès 14 h.\n\nBien cordialement,";
        tasklist.rewrite("DraftText", edited);
        browser.screenshot("draft-2-edited");
        tasklist.complete(review.getId());

        StoredMail sent = await().atMost(Duration.ofSeconds(60)).until(() -> TestMail.to(mailFolder, recipient).stream().findFirst(),
                Optional::isPresent).orElseThrow();
        assertThat(sent.text()).contains("Votre ordonnance est prête à l'accueil du cabinet dès 14 h.");
        assertThat(sent.clientId()).contains(GP);

        browser.driver().get(SharedNode.baseUrl() + "/mail");
        browser.waitUntil("the sent mail to be listed", driver -> driver.findElement(By.tagName("body")).getText().contains(sent.subject()));
        browser.driver().findElement(By.linkText(sent.subject())).click();
        browser.waitUntil("the mail to open", driver -> driver.findElement(By.cssSelector("pre.body")).getText()
                .contains("Votre ordonnance est prête à l'accueil du cabinet dès 14 h."));
        browser.screenshot("draft-3-sent-mail");
        // archived too: the case is over
        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.createProcessInstanceQuery().processInstanceId(mail).count() == 0);
    }
}
