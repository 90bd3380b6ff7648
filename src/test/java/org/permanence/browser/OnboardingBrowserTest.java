package org.permanence.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.permanence.TestOffice.AIRCALL_TOKEN;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestOffice;
import org.permanence.browser.Tasklist.OpenedTask;
import org.permanence.clients.Client;
import org.permanence.clients.ClientRepository;
import org.permanence.drafting.MailTemplate;
import org.permanence.drafting.MailTemplates;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A manager sets up a new client on the "New client" page, in a real browser, with its document categories,
 * filing threshold and mail templates: a wrong number, a missing e-mail, a threshold over 1 and a template
 * naming an unknown field are shown next to their fields and nothing is saved; corrected, the client is
 * created with all of it.
 * Then a call rings on its line (Aircall webhook) and reaches the secretary she chose, in Tasklist,
 * with the new client's briefing. Screenshots: {@code target/screenshots/onboarding-*}.
 */
@Tag("browser")
@OfficeIntegrationTest
class OnboardingBrowserTest {

    @RegisterExtension
    static final HeadlessChromium browser = new HeadlessChromium();

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ClientRepository clients;
    @Autowired
    MailTemplates templates;

    @Test
    void aManagerOnboardsAClientWhoseFirstCallReachesItsSecretaryWithItsBriefing() {
        long n = Math.floorMod(System.nanoTime(), 100_000_000L);
        String clientId = "kine-" + n;
        String line = String.format("04 7%d %02d %02d %02d", n % 10, n / 10 % 100, n / 1000 % 100, n / 100_000 % 100);
        String e164 = "+33" + line.substring(1).replace(" ", "");
        String greeting = "Cabinet de kinésithérapie " + n + ", bonjour !";
        WebDriver driver = browser.driver();
        new Tasklist(browser, SharedNode.baseUrl() + "/camunda/app/tasklist/default/").signIn("nadia", DEMO_PASSWORD);

        driver.get(SharedNode.baseUrl() + "/manage/clients/new");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("New client");
        type("id", clientId);
        type("name", "Cabinet de kinésithérapie " + n);
        type("phoneLines[0].number", "12");
        type("briefing.greeting", greeting);
        type("briefing.urgentWhen", "Chute d'un patient au cabinet");
        type("briefing.putThrough", "Le kinésithérapeute, entre deux séances");
        type("contactRules.urgentEmail", clientId + ".urgent@example.fr");
        type("documentCategories[0].code", "ordonnance");
        type("documentCategories[0].name", "Ordonnances");
        driver.findElement(By.id("documentCategories[0].notify")).click();
        type("documentCategories[1].code", "invoice");
        type("documentCategories[1].name", "Factures");
        replace("classificationThreshold", "1.5");
        // the usual templates follow the client's language until she adapts one: adapted, it stays hers
        List<MailTemplate> english = MailTemplates.usual("en");
        List<MailTemplate> french = MailTemplates.usual("fr");
        assertThat(valueOf("templates[2].subject")).isEqualTo(french.get(2).subject());
        new Select(driver.findElement(By.id("language"))).selectByValue("en");
        assertThat(valueOf("templates[0].subject")).isEqualTo(english.get(0).subject());
        assertThat(valueOf("templates[1].name")).isEqualTo(english.get(1).name());
        assertThat(valueOf("templates[2].body")).isEqualTo(english.get(2).body());
        // the usual "answer" template, adapted; a template of the client's own, naming a field cases do not have
        replace("templates[0].subject", "Votre appel au cabinet de kinésithérapie");
        new Select(driver.findElement(By.id("language"))).selectByValue("fr");
        assertThat(valueOf("templates[0].subject")).isEqualTo("Votre appel au cabinet de kinésithérapie");
        assertThat(valueOf("templates[0].body")).isEqualTo(english.get(0).body());
        assertThat(valueOf("templates[2].body")).isEqualTo(french.get(2).body());
        replace("templates[0].body", french.get(0).body());
        type("templates[3].code", "bilan");
        type("templates[3].name", "Bilan de séance");
        type("templates[3].subject", "Votre bilan");
        type("templates[3].body", "Bonjour [(${caller.name})],\nVotre dossier [(${dossier})] est prêt.\n");
        driver.findElement(By.id("team-claire")).click();
        driver.findElement(By.id("create")).click();

        // single fields first (a missing e-mail, a threshold over 1, a template naming an unknown field),
        // then the rules across fields (a number that is no number)
        assertThat(problemOf("contactRules.email")).isEqualTo("must not be blank");
        assertThat(problemOf("classificationThreshold")).isEqualTo("must be less than or equal to 1.0");
        assertThat(problemOf("templates[3].body")).startsWith("line 2, column ").contains("unknown field 'dossier'");
        // the summary at the top names the fields as the page labels them, and each entry leads to its field
        assertThat(driver.findElement(By.id("problems")).getText())
                .contains("E-mail for messages : must not be blank", "Mail templates 4 – Text : line 2, column ")
                .doesNotContain("contactRules.email", "templates[3].body");
        driver.findElement(By.linkText("Filed on their own from a confidence of (0 to 1)")).click();
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("classificationThreshold");
        // what she typed is still there, to correct rather than retype
        assertThat(driver.findElement(By.id("briefing.greeting")).getDomProperty("value")).isEqualTo(greeting);
        assertThat(driver.findElement(By.id("team-claire")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("documentCategories[0].notify")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("templates[0].subject")).getDomProperty("value")).isEqualTo("Votre appel au cabinet de kinésithérapie");
        browser.screenshot("onboarding-1-problems");
        type("contactRules.email", clientId + "@example.fr");
        replace("classificationThreshold", "0,75");
        replace("templates[3].body", "Bonjour [(${caller.name})],\nVotre bilan du [(${appointment.at})] est prêt.\n");
        driver.findElement(By.id("create")).click();
        assertThat(problemOf("phoneLines[0].number")).startsWith("'12' is not a phone number");
        driver.findElement(By.id("phoneLines[0].number")).clear();
        type("phoneLines[0].number", line);
        driver.findElement(By.id("create")).click();

        browser.waitUntil("the client to be created", d -> !d.findElements(By.id("onboarded")).isEmpty());
        assertThat(driver.findElement(By.id("client-id")).getText()).isEqualTo(clientId);
        assertThat(driver.findElement(By.id("client-templates")).getText()).contains("(bilan)", "(answer)", "(letter)", "(reminder)");
        browser.screenshot("onboarding-2-created");
        Client created = clients.findById(clientId).orElseThrow();
        assertThat(created.documentCategories()).containsExactly(new Client.DocumentCategory("invoice", "Factures"),
                new Client.DocumentCategory("ordonnance", "Ordonnances"));
        assertThat(created.contactRules().notifyDocumentCategories()).containsExactly("ordonnance");
        assertThat(created.classificationThreshold()).isEqualByComparingTo("0.75");
        assertThat(templates.get(created, "answer").subject()).isEqualTo("Votre appel au cabinet de kinésithérapie");
        assertThat(templates.get(created, "reminder").subject()).isEqualTo(french.get(2).subject());
        assertThat(templates.get(created, "bilan").body()).isEqualTo("Bonjour [(${caller.name})],\nVotre bilan du [(${appointment.at})] est prêt.\n");

        String callId = String.valueOf(System.currentTimeMillis());
        assertThat(TestOffice.post(SharedNode.baseUrl() + "/webhooks/aircall", "application/json", """
                {"resource": "call", "event": "call.created", "token": "%s",
                 "data": {"id": %s, "direction": "inbound", "raw_digits": "+33 6 98 76 54 32", "number": {"digits": "%s"}}}"""
                .formatted(AIRCALL_TOKEN, callId, e164)).statusCode()).isEqualTo(200);
        Task call = await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery().processInstanceBusinessKey("aircall:" + callId)
                .taskDefinitionKey("HandleCall").singleResult(), task -> task != null);
        try {
            assertThat(call.getTenantId()).isEqualTo(clientId);
            driver.manage().deleteAllCookies();
            Tasklist tasklist = new Tasklist(browser, SharedNode.baseUrl() + "/camunda/app/tasklist/default/");
            tasklist.signIn("claire", DEMO_PASSWORD);
            assertThat(tasklist.listedTaskIds()).contains(call.getId());
            OpenedTask opened = tasklist.open(call.getId());
            assertThat(opened.tenant()).isEqualTo(clientId);
            assertThat(opened.briefing()).contains(greeting, "Chute d'un patient au cabinet", "Le kinésithérapeute, entre deux séances");
            browser.screenshot("onboarding-3-first-call");
        } finally {
            // her queue is the other browser tests' too
            runtime.deleteProcessInstance(call.getProcessInstanceId(), "test over", true, true);
        }
    }

    private String valueOf(String fieldId) {
        return browser.driver().findElement(By.id(fieldId)).getDomProperty("value");
    }

    /** The problem the page shows under this field, once the answer to the submitted form has loaded. */
    private String problemOf(String fieldId) {
        return browser.waitUntil("the problem under " + fieldId, driver -> driver.findElements(By.id(fieldId + "-error")).stream()
                .map(error -> error.getText()).findFirst().orElse(null));
    }

    private void type(String fieldId, String text) {
        browser.driver().findElement(By.id(fieldId)).sendKeys(text);
    }

    private void replace(String fieldId, String text) {
        browser.driver().findElement(By.id(fieldId)).clear();
        type(fieldId, text);
    }
}
