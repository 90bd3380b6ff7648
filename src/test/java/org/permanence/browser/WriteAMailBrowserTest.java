package org.permanence.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Écrire un mail started from Tasklist in a French browser: claire picks the client from those she serves, by name
 * (never sophie's law firm), then one of that client's templates; the mail case starts with their codes and its
 * draft waits for her review.
 */
@Tag("browser")
@OfficeIntegrationTest
class WriteAMailBrowserTest {

    @RegisterExtension
    static final HeadlessChromium browser = HeadlessChromium.inAFrenchOffice();

    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    TaskService tasks;

    private String started;

    @AfterEach
    void noDraftLeft() {
        // its draft would wait in claire's list for the other tests
        if (started != null) {
            runtime.deleteProcessInstancesIfExists(List.of(started), "test over", false, true, false);
        }
    }

    @Test
    void shePicksTheClientAndItsTemplateFromLists() {
        Tasklist tasklist = new Tasklist(browser, SharedNode.baseUrl() + "/camunda/app/tasklist/default/");
        tasklist.signIn("claire", DEMO_PASSWORD);

        tasklist.openStartForm("mail-drafting");
        assertThat(tasklist.optionsOf("ClientId")).contains("Cabinet du Dr Martin", "Plomberie Leroy")
                .doesNotContain("Cabinet Durand Avocats");
        tasklist.choose("ClientId", "Cabinet du Dr Martin");
        assertThat(tasklist.optionsOf("TemplateCode")).contains("Réponse à l'appelant", "Courrier", "Relance");
        tasklist.choose("TemplateCode", "Relance");
        String recipient = "relance-" + System.nanoTime() + "@example.fr";
        tasklist.fill("RecipientEmail", recipient);
        browser.screenshot("write-a-mail-1-picked");
        tasklist.start();

        started = await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricVariableInstanceQuery()
                .variableValueEquals("recipientEmail", recipient).list().stream().map(HistoricVariableInstance::getProcessInstanceId)
                .findFirst().orElse(null), instance -> instance != null);
        Map<String, Object> variables = history.createHistoricVariableInstanceQuery().processInstanceId(started).list().stream()
                .filter(variable -> variable.getValue() != null)
                .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue, (first, second) -> first));
        assertThat(variables).containsEntry("clientId", "cabinet-martin").containsEntry("templateCode", "reminder");
        // drafted from that template, the case waits for her review: ended then, no worker is cut off mid-draft
        await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery().processInstanceId(started).taskDefinitionKey("ReviewDraft")
                .count() == 1);
    }
}
