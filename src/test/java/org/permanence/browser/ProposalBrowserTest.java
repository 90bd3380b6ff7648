package org.permanence.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.permanence.OfficeIntegrationTest;
import org.permanence.RingingCalls;
import org.permanence.SharedNode;
import org.permanence.TestClients;
import org.permanence.clients.Client;
import org.permanence.clients.Clients;
import org.permanence.people.SignedInUser;
import org.permanence.proposals.Proposal;
import org.permanence.proposals.Proposals;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The secretaries' voice in a real browser: claire, on a call, follows the link of the briefing card to propose better
 * urgent criteria for the client; nadia applies it from her proposals page with a word back; the next call's card reads
 * it. Screenshots: {@code target/screenshots/proposal-*}.
 */
@Tag("browser")
@OfficeIntegrationTest
class ProposalBrowserTest {

    private static final String TASKLIST = "/camunda/app/tasklist/default/";
    private static final String CRITERIA = "Fuite d'eau qui ne s'arrête pas, odeur de gaz";

    @RegisterExtension
    static final HeadlessChromium browser = HeadlessChromium.inAFrenchOffice();

    @Autowired
    Clients clients;
    @Autowired
    Proposals proposals;
    @Autowired
    TaskService tasks;
    @RegisterExtension
    final RingingCalls ringing = new RingingCalls();

    @Test
    void claireProposesFromTheCallAndNadiaAppliesIt() {
        Client client = clients.create(TestClients.client("voix", "fr", Client.MessageDelivery.IMMEDIATELY, null), List.of("claire"));
        Task call = callOn(client);
        WebDriver driver = browser.driver();

        Tasklist tasklist = new Tasklist(browser, SharedNode.baseUrl() + TASKLIST);
        tasklist.signIn("claire", DEMO_PASSWORD);
        assertThat(tasklist.open(call.getId()).briefing()).contains("Urgent si : Jamais");
        WebElement link = driver.findElement(By.partialLinkText("Proposer un changement"));
        String href = link.getDomProperty("href");
        assertThat(href).endsWith("/presence/proposals?client=" + client.id());
        browser.screenshot("proposal-1-briefing-card");
        // followed in the same tab: the form's links open a new one
        driver.get(href);

        browser.click(By.cssSelector("#setting-URGENT_WHEN summary"), "the Urgent si instruction");
        WebElement proposed = browser.waitUntil("her proposal's field", visibilityOfElementLocated(By.id("proposed-URGENT_WHEN")));
        assertThat(proposed.getDomProperty("value")).as("she starts from what it says").isEqualTo("Jamais");
        proposed.clear();
        proposed.sendKeys(CRITERIA);
        driver.findElement(By.id("reason-URGENT_WHEN")).sendKeys("Deux fuites graves hier, notées en simple message");
        browser.click(By.id("propose-URGENT_WHEN"), "Proposer");
        browser.waitUntil("the proposal sent", visibilityOfElementLocated(By.id("done")));
        assertThat(driver.findElement(By.cssSelector("#mine tr[data-state='PENDING']")).getText()).contains(CRITERIA);
        browser.screenshot("proposal-2-sent");

        driver.manage().deleteAllCookies();
        new Tasklist(browser, SharedNode.baseUrl() + TASKLIST).signIn("nadia", DEMO_PASSWORD);
        driver.get(SharedNode.baseUrl() + "/manage/dashboard");
        browser.click(By.id("nav-proposals"), "Propositions in the managers' header");
        Proposal waiting = proposals.pending(new SignedInUser("nadia", List.of("managers"), List.of())).stream()
                .filter(proposal -> proposal.clientId().equals(client.id())).findFirst().orElseThrow();
        String article = "article[data-id='" + waiting.id() + "']";
        WebElement shown = browser.waitUntil("her proposal, before and after", visibilityOfElementLocated(By.cssSelector(article)));
        assertThat(shown.findElement(By.className("before")).getText()).isEqualTo("Jamais");
        assertThat(shown.findElement(By.className("after")).getText()).isEqualTo(CRITERIA);
        browser.screenshot("proposal-3-before-after");
        driver.findElement(By.id("answer-" + waiting.id())).sendKeys("Bien vu, merci");
        browser.click(By.cssSelector(article + " button.apply"), "Appliquer");
        assertThat(browser.waitUntil("the proposal applied", visibilityOfElementLocated(By.id("done"))).getText()).contains("Appliquée");
        assertThat(driver.findElement(By.cssSelector("#decided tr[data-id='" + waiting.id() + "']")).getDomAttribute("data-state"))
                .isEqualTo("APPLIED");
        browser.screenshot("proposal-4-applied");

        assertThat(tasks.getVariable(callOn(client).getId(), "briefingUrgentWhen")).isEqualTo(CRITERIA);
    }

    private Task callOn(Client client) {
        return ringing.ring(client.phoneLines().get(0).number());
    }
}
