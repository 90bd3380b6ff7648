package org.permanence.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.permanence.FreeDesks;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.mail.MailFolder;
import org.permanence.mail.StoredMail;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist stays usable in an English browser: claire takes a call for her doctor through to its appointment
 * ({@link CallToAppointment}: the category and the type picked from their lists, a slot typed that the office refuses, a
 * free slot picked), Tasklist around it speaking English on every screen (its chrome follows the browser) while our
 * forms, the refusal and the caller's confirmation speak the office's French. The case is ended after the test
 * ({@link FreeDesks}).
 */
@Tag("browser")
@OfficeIntegrationTest
class TasklistInEnglishBrowserTest {

    @RegisterExtension
    static final HeadlessChromium browser = new HeadlessChromium();
    @RegisterExtension
    final FreeDesks desks = new FreeDesks("claire");

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    MailFolder mailFolder;

    @Test
    void sheTakesACallThroughToItsAppointmentInEnglish() {
        Tasklist tasklist = new Tasklist(browser, SharedNode.baseUrl() + "/camunda/app/tasklist/default/");
        tasklist.signIn("claire", DEMO_PASSWORD);

        StoredMail confirmation = new CallToAppointment(browser, tasklist, runtime, tasks, mailFolder).walk("english",
                page -> assertThat(page).contains("Complete", "Created").doesNotContain("Terminer", "Créée"));

        // the caller's mail follows the client's language, French, not the browser the secretary happened to use
        assertThat(confirmation.text()).contains("Votre rendez-vous", "Confirmer votre venue").doesNotContain("Your appointment");
    }
}
