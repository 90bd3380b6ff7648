package org.permanence.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestClients;
import org.permanence.TestOffice;
import org.permanence.clients.Client;
import org.permanence.clients.Clients;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A manager, in a French browser, erases a caller from the client's "Données personnelles" page: she finds
 * her by name, sees what is held, is stopped until she ticks the confirmation, then gets the receipt she
 * downloads for the client. Screenshots: {@code target/screenshots/privacy-*}.
 */
@Tag("browser")
@OfficeIntegrationTest
class PrivacyBrowserTest {

    @RegisterExtension
    static final HeadlessChromium browser = HeadlessChromium.inAFrenchOffice();

    @Autowired
    Clients clients;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aManagerErasesACallerFromTheClientsPageAndGetsTheReceipt() {
        Client client = clients.store(TestClients.client("rgpd", "fr", Client.MessageDelivery.IMMEDIATELY, null));
        long n = Math.floorMod(System.nanoTime(), 10_000_000L);
        String name = "Armelle Kerbrat" + Long.toString(n, 36).replaceAll("[0-9]", "x");
        String number = String.format("+3362%07d", n);
        String instance = runtime.startProcessInstanceByKey("call-intake",
                Map.of("dialledNumber", client.phoneLines().get(0).number(), "callerNumber", number)).getId();
        Task handle = await().atMost(Duration.ofSeconds(60)).until(
                () -> tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("HandleCall").singleResult(), task -> task != null);
        tasks.complete(handle.getId(), Map.of("callerName", name, "reason", "Résultats d'analyse", "category", "message", "mood", "calm"));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from call where caller_name = ?").param(name)
                .query(Long.class).single() == 1);

        WebDriver driver = browser.driver();
        new Tasklist(browser, SharedNode.baseUrl() + "/camunda/app/tasklist/default/").signIn("nadia", DEMO_PASSWORD);
        driver.get(SharedNode.baseUrl() + "/manage/privacy");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Données personnelles");
        driver.findElement(By.linkText(client.name())).click();
        awaitHeading("Données personnelles : " + client.name());
        assertThat(driver.findElement(By.id("CALLS")).getAttribute("value")).isEqualTo("365");

        driver.findElement(By.id("q")).sendKeys(name);
        driver.findElement(By.id("find")).click();
        browser.waitUntil("what is held to be shown", d -> d.findElement(By.cssSelector("#held .calls")).getText().equals("1"));
        browser.screenshot("privacy-held");

        driver.findElement(By.id("erase")).click();
        browser.waitUntil("the missing confirmation said", d -> d.findElement(By.id("confirm-missing")).getText()
                .equals("Cochez la confirmation pour effacer."));
        assertThat(jdbc.sql("select count(*) from call where caller_name = ?").param(name).query(Long.class).single()).isEqualTo(1);

        driver.findElement(By.id("confirm")).click();
        driver.findElement(By.id("erase")).click();
        awaitHeading("Attestation d’effacement");
        String receipt = driver.findElement(By.id("receipt")).getText();
        assertThat(receipt).contains("À la demande de " + client.name(), "appels anonymisés (comptés, sans nom ni numéro) : 1")
                .doesNotContain(name, number);
        browser.screenshot("privacy-receipt");

        String download = driver.findElement(By.id("download")).getAttribute("href");
        var text = TestOffice.call("GET", download, "nadia", DEMO_PASSWORD, null);
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value).contains("attachment"));
        assertThat(text.body()).isEqualTo(receipt.strip() + "\n");
        assertThat(jdbc.sql("select count(*) from call where caller_name = ? or caller_number = ?").params(name, number)
                .query(Long.class).single()).isZero();
    }

    /** A click that loads a page returns before the page is there: its heading tells when it is. */
    private void awaitHeading(String heading) {
        browser.waitUntil("the page " + heading, d -> d.findElement(By.tagName("h1")).getText().equals(heading));
    }
}
