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
import org.junit.jupiter.api.AfterEach;
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
import org.permanence.drafting.Placeholders;
import org.permanence.system.ProblemTexts;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A manager sets up new clients on the "Nouveau client" page, in a French browser. The page comes filled with the
 * office's usual settings, so a client is onboarded in one submit with only its own facts and a secretary chosen,
 * and its first call (Aircall webhook) reaches that secretary in Tasklist with its briefing. When fields are
 * wrong, every problem — a number that is no number, a line another client has, a missing e-mail, a threshold
 * over 1, a template naming an unknown field — is shown next to its field on the first submit, and nothing is
 * saved. Screenshots: {@code target/screenshots/onboarding-*}.
 */
@Tag("browser")
@OfficeIntegrationTest
class OnboardingBrowserTest {

    @RegisterExtension
    static final HeadlessChromium browser = HeadlessChromium.inAFrenchOffice();

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ClientRepository clients;
    @Autowired
    MailTemplates templates;

    @Test
    void aClientOnboardedInOneSubmitWithTheDefaultsHasItsFirstCallReachItsSecretary() {
        long n = unique();
        String clientId = "kine-" + n;
        String line = lineOf(n);
        String greeting = "Cabinet de kinésithérapie " + n + ", bonjour !";
        WebDriver driver = browser.driver();
        new Tasklist(browser, SharedNode.baseUrl() + "/camunda/app/tasklist/default/").signIn("nadia", DEMO_PASSWORD);

        driver.get(SharedNode.baseUrl() + "/manage/clients/new");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Nouveau client");
        // what the office usually does is already there: buffers and notice 0, its hours, categories, templates
        assertThat(valueOf("appointmentTypes[0].bufferBeforeMinutes")).isEqualTo("0");
        assertThat(valueOf("appointmentTypes[0].minimumNoticeMinutes")).isEqualTo("0");
        assertThat(valueOf("openingHours[0].opens")).isEqualTo("09:00");
        assertThat(valueOf("documentCategories[0].code")).isEqualTo("facture");
        assertThat(valueOf("templates[0].code")).isEqualTo("answer");
        browser.screenshot("onboarding-0-defaults");
        type("id", clientId);
        type("name", "Cabinet de kinésithérapie " + n);
        type("phoneLines[0].number", line);
        type("appointmentTypes[0].code", "seance");
        type("appointmentTypes[0].name", "Séance");
        type("appointmentTypes[0].durationMinutes", "30");
        type("briefing.greeting", greeting);
        type("briefing.urgentWhen", "Chute d'un patient au cabinet");
        type("briefing.putThrough", "Le kinésithérapeute, entre deux séances");
        type("contactRules.email", clientId + "@example.fr");
        type("contactRules.urgentEmail", clientId + ".urgent@example.fr");
        driver.findElement(By.id("team-claire")).click();
        driver.findElement(By.id("create")).click();

        browser.waitUntil("the client to be created", d -> !d.findElements(By.id("onboarded")).isEmpty());
        assertThat(driver.findElement(By.id("client-id")).getText()).isEqualTo(clientId);
        browser.screenshot("onboarding-2-created");
        Client created = clients.findById(clientId).orElseThrow();
        assertThat(created.appointmentTypes()).containsExactly(new Client.AppointmentType("seance", "Séance", 30, 0, 0, 0));
        assertThat(created.documentCategories()).extracting(Client.DocumentCategory::code).contains("facture", "courrier");
        assertThat(created.openingHours()).hasSize(10);
        assertThat(templates.get(created, "answer").subject()).isEqualTo(MailTemplates.usual("fr").get(0).subject());

        String callId = String.valueOf(System.currentTimeMillis());
        assertThat(TestOffice.post(SharedNode.baseUrl() + "/webhooks/aircall", "application/json", """
                {"resource": "call", "event": "call.created", "token": "%s",
                 "data": {"id": %s, "direction": "inbound", "raw_digits": "+33 6 98 76 54 32", "number": {"digits": "%s"}}}"""
                .formatted(AIRCALL_TOKEN, callId, e164(line))).statusCode()).isEqualTo(200);
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

    @Test
    void everyProblemIsShownOnTheFirstSubmitAndNothingIsSaved() {
        long n = unique();
        String clientId = "osteo-" + n;
        WebDriver driver = browser.driver();
        new Tasklist(browser, SharedNode.baseUrl() + "/camunda/app/tasklist/default/").signIn("nadia", DEMO_PASSWORD);

        driver.get(SharedNode.baseUrl() + "/manage/clients/new");
        type("id", clientId);
        type("name", "Cabinet d'ostéopathie " + n);
        type("phoneLines[0].number", "12");
        // Plomberie Leroy's line (demo office)
        type("phoneLines[1].number", "05 56 98 76 54");
        type("phoneLines[1].label", "Dépannage");
        type("briefing.greeting", "Ostéopathie, bonjour");
        type("briefing.urgentWhen", "Jamais");
        type("briefing.putThrough", "Personne");
        type("contactRules.urgentEmail", clientId + ".urgent@example.fr");
        driver.findElement(By.id("documentCategories[0].notify")).click();
        replace("classificationThreshold", "1.5");
        // the usual categories and templates follow the client's language until she adapts one: adapted, it stays hers
        List<MailTemplate> english = MailTemplates.usual("en");
        new Select(driver.findElement(By.id("language"))).selectByValue("en");
        assertThat(valueOf("documentCategories[0].code")).isEqualTo("invoice");
        // templates read in plain language, in the page's: {Nom du client} rather than [(${client.name})]
        Placeholders plain = Placeholders.in(ProblemTexts.texts(), "fr");
        assertThat(valueOf("templates[0].subject")).isEqualTo(plain.toPlain(english.get(0).subject())).contains("{Nom du client}");
        // the usual templates are folded under their names: she opens the one to adapt
        driver.findElement(By.cssSelector("details[id='templates[0]'] > summary")).click();
        replace("templates[0].subject", "Votre appel au cabinet d'ostéopathie");
        new Select(driver.findElement(By.id("language"))).selectByValue("fr");
        assertThat(valueOf("documentCategories[0].code")).isEqualTo("facture");
        assertThat(valueOf("templates[0].subject")).isEqualTo("Votre appel au cabinet d'ostéopathie");
        type("templates[3].code", "bilan");
        type("templates[3].name", "Bilan de séance");
        type("templates[3].subject", "Votre bilan");
        type("templates[3].body", "Bonjour {Nom de l'appelant},\nVotre dossier [(${dossier})] est prêt.\n");
        driver.findElement(By.id("team-claire")).click();
        driver.findElement(By.id("create")).click();

        // every problem at once: single fields, the rules across fields, a line another client has, the templates tried
        assertThat(problemOf("contactRules.email")).isEqualTo("doit être rempli");
        assertThat(problemOf("classificationThreshold")).isEqualTo("au plus 1.0");
        assertThat(problemOf("phoneLines[0].number")).startsWith("« 12 » n’est pas un numéro de téléphone");
        assertThat(problemOf("phoneLines[1].number")).isEqualTo("+33556987654 est déjà une ligne du client « plomberie-leroy »");
        assertThat(problemOf("templates[3].body")).startsWith("ligne 2, colonne ").contains("champ inconnu « dossier »");
        // the summary at the top names the fields as the page labels them, and each entry leads to its field
        assertThat(driver.findElement(By.id("problems")).getText())
                .contains("E-mail des messages : doit être rempli", "Modèles de mail 4 – Texte : ligne 2, colonne ")
                .doesNotContain("contactRules.email", "templates[3].body");
        driver.findElement(By.linkText("Rangés seuls à partir d'une confiance de (0 à 1)")).click();
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("classificationThreshold");
        // what she typed is still there, to correct rather than retype
        assertThat(driver.findElement(By.id("team-claire")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("documentCategories[0].notify")).isSelected()).isTrue();
        assertThat(valueOf("templates[0].subject")).isEqualTo("Votre appel au cabinet d'ostéopathie");
        browser.screenshot("onboarding-1-problems");
        assertThat(clients.findById(clientId)).isEmpty();

        type("contactRules.email", clientId + "@example.fr");
        replace("classificationThreshold", "0,75");
        replace("phoneLines[0].number", lineOf(n));
        replace("phoneLines[1].number", "");
        replace("phoneLines[1].label", "");
        replace("templates[3].body", "Bonjour {Nom de l'appelant},\nVotre bilan du {Date du rendez-vous} est prêt.\n");
        driver.findElement(By.id("create")).click();

        browser.waitUntil("the client to be created", d -> !d.findElements(By.id("onboarded")).isEmpty());
        Client created = clients.findById(clientId).orElseThrow();
        assertThat(created.contactRules().notifyDocumentCategories()).containsExactly("facture");
        assertThat(created.classificationThreshold()).isEqualByComparingTo("0.75");
        assertThat(templates.get(created, "answer").subject()).isEqualTo("Votre appel au cabinet d'ostéopathie");
        assertThat(templates.get(created, "bilan").body()).isEqualTo("Bonjour [(${caller.name})],\nVotre bilan du [(${appointment.at})] est prêt.\n");
    }

    @AfterEach
    void signOut() {
        browser.driver().manage().deleteAllCookies();
    }

    private static long unique() {
        return Math.floorMod(System.nanoTime(), 100_000_000L);
    }

    /** A Lyon number of its own for each run. */
    private static String lineOf(long n) {
        return String.format("04 7%d %02d %02d %02d", n % 10, n / 10 % 100, n / 1000 % 100, n / 100_000 % 100);
    }

    private static String e164(String line) {
        return "+33" + line.substring(1).replace(" ", "");
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
