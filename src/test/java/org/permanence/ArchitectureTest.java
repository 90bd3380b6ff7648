package org.permanence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * Workers talk to the engine only through the external-task REST API, so the same code runs beside
 * the engine or on a node of its own. Neither they nor the domain code they call may reach into the
 * engine. (Plain JUnit tests calling ArchUnit: its own test engine reported no tests under Surefire.)
 */
@Tag("unit")
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.permanence");

    @Test
    void workersUseOnlyTheExternalTaskApi() {
        noClasses().that().resideInAPackage("org.permanence.workers..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.camunda.bpm.engine..", "org.camunda.bpm.spring.boot.starter..", "org.camunda.bpm.model..",
                        "org.camunda.bpm.webapp..")
                .because("workers must run on nodes without an engine (role `worker`)")
                .check(PRODUCTION);
    }

    @Test
    void theDomainCodeWorkersCallRunsWithoutAnEngine() {
        noClasses().that().resideInAnyPackage("org.permanence.calls..", "org.permanence.notifications..", "org.permanence.mail..",
                        "org.permanence.telephony..", "org.permanence.storage..", "org.permanence.appointments..",
                        "org.permanence.assignment..")
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda.bpm.engine..", "org.camunda.bpm.webapp..")
                .because("the workers' domain services are loaded on worker nodes too")
                .check(PRODUCTION);
    }

    @Test
    void mailDraftingAndPrintingRunWithoutAnEngine() {
        noClasses().that().resideInAnyPackage("org.permanence.drafting..", "org.permanence.printing..")
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda.bpm.engine..", "org.camunda.bpm.webapp..")
                .because("the drafting workers call them on worker nodes too; starting cases from mail is the engine package's")
                .check(PRODUCTION);
    }
}
