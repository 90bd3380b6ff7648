package org.permanence.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.clients.Client;
import org.permanence.clients.Clients;
import org.permanence.TestClients;
import org.permanence.drafting.MailTemplate;
import org.permanence.drafting.MailTemplates;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A manager edits a client's mail template in plain language, in a French browser: she reads {Nom de l'appelant}
 * rather than the template engine's syntax, inserts « Date du rendez-vous » from the list, sees the preview on
 * sample facts beside the editor, is told in French when a placeholder names no field, and saves a template
 * the template engine runs. Screenshot: {@code target/screenshots/template-editor.png}.
 */
@Tag("browser")
@OfficeIntegrationTest
class TemplateEditorBrowserTest {

    @RegisterExtension
    static final HeadlessChromium browser = HeadlessChromium.inAFrenchOffice();

    @Autowired
    Clients clients;
    @Autowired
    MailTemplates templates;

    @Test
    void aManagerInsertsAPlaceholderFromTheListAndPreviewsTheTemplate() {
        Client client = clients.store(TestClients.client("modeles", "fr", Client.MessageDelivery.IMMEDIATELY, null));
        templates.save(client, "answer", new MailTemplate("answer", "Réponse", MailTemplate.Kind.EMAIL,
                "Votre appel", "Bonjour [(${caller.name})],\nÀ bientôt.\n"));
        WebDriver driver = browser.driver();
        new Tasklist(browser, SharedNode.baseUrl() + "/camunda/app/tasklist/default/").signIn("nadia", DEMO_PASSWORD);

        driver.get(SharedNode.baseUrl() + "/manage/clients/" + client.id() + "/templates/answer");
        WebElement body = driver.findElement(By.id("body"));
        assertThat(body.getDomProperty("value")).isEqualTo("Bonjour {Nom de l'appelant},\nÀ bientôt.\n");
        browser.waitUntil("the preview", d -> d.findElement(By.id("preview-text")).getText().contains("Bonjour Jeanne Dupont"));

        // the cursor after "bientôt", then the appointment's date from the list
        body.click();
        body.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), Keys.ARROW_LEFT, Keys.ARROW_LEFT);
        body.sendKeys(" pour votre rendez-vous du ");
        new Select(driver.findElement(By.id("placeholder"))).selectByVisibleText("Date du rendez-vous");
        driver.findElement(By.id("insert")).click();
        assertThat(body.getDomProperty("value")).isEqualTo("Bonjour {Nom de l'appelant},\nÀ bientôt pour votre rendez-vous du {Date du rendez-vous}.\n");
        browser.waitUntil("the preview with the date", d -> d.findElement(By.id("preview-text")).getText()
                .contains("À bientôt pour votre rendez-vous du mardi 1 décembre 2026, 10:00."));
        browser.screenshot("template-editor");

        // a placeholder that names no field is said in French, where it is
        body.sendKeys(" {Numéro de dossier}");
        browser.waitUntil("the problem in the preview", d -> d.findElement(By.id("preview-problems")).getText()
                .contains("ligne 2, colonne"));
        assertThat(driver.findElement(By.id("preview-problems")).getText()).contains("« Numéro de dossier » n’est pas un champ");
        driver.findElement(By.id("save")).click();
        String problem = browser.waitUntil("the problem under the text", d -> d.findElements(By.id("body-error")).stream()
                .map(WebElement::getText).findFirst().orElse(null));
        assertThat(problem).contains("« Numéro de dossier » n’est pas un champ");
        assertThat(templates.get(client, "answer").body()).isEqualTo("Bonjour [(${caller.name})],\nÀ bientôt.\n");

        WebElement corrected = driver.findElement(By.id("body"));
        corrected.clear();
        corrected.sendKeys("Bonjour {Nom de l'appelant},\nÀ bientôt pour votre rendez-vous du {Date du rendez-vous}.\n");
        driver.findElement(By.id("save")).click();
        browser.waitUntil("the template saved", d -> !d.findElements(By.id("saved")).isEmpty());
        assertThat(templates.get(client, "answer").body())
                .isEqualTo("Bonjour [(${caller.name})],\nÀ bientôt pour votre rendez-vous du [(${appointment.at})].\n");
    }

    @AfterEach
    void signOut() {
        browser.driver().manage().deleteAllCookies();
    }
}
