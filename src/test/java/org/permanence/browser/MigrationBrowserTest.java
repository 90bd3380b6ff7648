package org.permanence.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestOffice;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A manager moves running cases to a process's newest version from its page, in a French browser: nothing
 * moves until she has read a confirmation naming the version, how many cases move and which one cannot and
 * why. A process the office does not have gets a page in words, listing those it has, not a raw error.
 * Screenshots: {@code target/screenshots/migration-*}.
 */
@Tag("browser")
@OfficeIntegrationTest
class MigrationBrowserTest {

    private static final String KEY = "migration-page-check";

    @RegisterExtension
    static final HeadlessChromium browser = HeadlessChromium.inAFrenchOffice();

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @AfterEach
    void removeTheProcessAndSignOut() {
        browser.driver().manage().deleteAllCookies();
        repository.createDeploymentQuery().deploymentName(KEY).list()
                .forEach(deployment -> repository.deleteDeployment(deployment.getId(), true));
    }

    @Test
    void aManagerConfirmsHowManyCasesMoveBeforeTheyMove() {
        deploy(Bpmn.createExecutableProcess(KEY).name("Vérification").camundaHistoryTimeToLive(1).startEvent()
                .userTask("Check").name("Vérifier").camundaCandidateGroups("managers")
                .userTask("Fax").name("Faxer").camundaCandidateGroups("managers").endEvent().done());
        String waiting = runtime.startProcessInstanceByKey(KEY, "dossier-attente").getId();
        String atFax = runtime.startProcessInstanceByKey(KEY, "dossier-fax").getId();
        tasks.complete(tasks.createTaskQuery().processInstanceId(atFax).singleResult().getId());
        deploy(Bpmn.createExecutableProcess(KEY).name("Vérification").camundaHistoryTimeToLive(1).startEvent()
                .userTask("Check").name("Vérifier").camundaCandidateGroups("managers").endEvent().done());
        WebDriver driver = browser.driver();
        new Tasklist(browser, SharedNode.baseUrl() + "/camunda/app/tasklist/default/").signIn("nadia", DEMO_PASSWORD);

        driver.get(SharedNode.baseUrl() + "/manage/processes/" + KEY + "/migration");
        driver.findElement(By.id("migrate")).click();

        browser.waitUntil("the confirmation", d -> !d.findElements(By.id("confirm")).isEmpty());
        assertThat(driver.findElement(By.id("summary")).getText()).isEqualTo("1 dossier(s) en cours passeront à la version 2.");
        assertThat(driver.findElement(By.id("staying")).getText()).contains("1 dossier(s) resteront sur leur version", "dossier-fax");
        assertThat(definitionVersion(waiting)).as("nothing moved before the confirmation").isEqualTo(1);
        browser.screenshot("migration-1-confirm");
        driver.findElement(By.id("confirm")).click();

        browser.waitUntil("the outcome", d -> !d.findElements(By.id("outcome")).isEmpty());
        assertThat(driver.findElement(By.id("outcome")).getText()).contains("1 instance(s) déplacée(s).");
        assertThat(definitionVersion(waiting)).isEqualTo(2);
        assertThat(definitionVersion(atFax)).isEqualTo(1);
        browser.screenshot("migration-2-moved");
    }

    @Test
    void aMoveConfirmedForAnOlderVersionIsAskedAgain() {
        deploy(Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1).startEvent().userTask("Check").camundaCandidateGroups("managers").endEvent().done());
        String waiting = runtime.startProcessInstanceByKey(KEY).getId();
        deploy(Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1).startEvent().userTask("Check").camundaCandidateGroups("managers").endEvent().done());

        // confirmed for version 1, which is not the newest: a stale page, or a forged form
        var refused = TestOffice.call("POST", SharedNode.baseUrl() + "/manage/processes/" + KEY + "/migration?confirmedVersion=1",
                "nadia", DEMO_PASSWORD, null);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(definitionVersion(waiting)).isEqualTo(1);
    }

    @Test
    void anUnknownProcessGetsAPageInWords() {
        WebDriver driver = browser.driver();
        new Tasklist(browser, SharedNode.baseUrl() + "/camunda/app/tasklist/default/").signIn("nadia", DEMO_PASSWORD);

        driver.get(SharedNode.baseUrl() + "/manage/processes/no-such-process/migration/confirm");

        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Processus inconnu");
        assertThat(driver.findElement(By.id("unknown")).getText()).isEqualTo("Aucun processus « no-such-process » n’est déployé.");
        assertThat(driver.findElement(By.id("processes")).getText()).contains("Prise d'appel");
        assertThat(driver.getPageSource()).doesNotContain("\"status\"");
        assertThat(TestOffice.call("GET", SharedNode.baseUrl() + "/manage/processes/no-such-process/migration", "nadia", DEMO_PASSWORD, null)
                .statusCode()).isEqualTo(404);
        browser.screenshot("migration-unknown");
    }

    private int definitionVersion(String processInstanceId) {
        String definitionId = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult().getProcessDefinitionId();
        return repository.getProcessDefinition(definitionId).getVersion();
    }

    private void deploy(BpmnModelInstance model) {
        repository.createDeployment().name(KEY).addModelInstance(KEY + ".bpmn", model).deploy();
    }
}
