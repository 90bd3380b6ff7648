package org.permanence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Workers talk to the engine only through the external-task REST API, so the same code runs beside
 * the engine or on a node of its own; the feature code they call is loaded on worker nodes too. So
 * what touches the engine lives in an {@code engine} package — a feature's own ({@code calls.engine},
 * {@code assignment.engine}, …) or the top one, the engine's set-up — and nothing else may, but for
 * {@code security}: Spring Security's chains sign people in against the engine's identity service.
 * (Plain JUnit tests calling ArchUnit: its own test engine reported no tests under Surefire.)
 */
@Tag("unit")
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.permanence");

    @Test
    void onlyEnginePackagesTouchTheEngine() {
        noClasses().that().resideOutsideOfPackages("org.permanence..engine..", "org.permanence.security..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine..")
                .because("feature code runs on worker nodes, which have no engine (role `worker`)")
                .check(PRODUCTION);
    }

    @Test
    void workersUseOnlyTheExternalTaskApi() {
        noClasses().that().resideInAPackage("org.permanence.workers..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.camunda.bpm.engine..", "org.camunda.bpm.spring.boot.starter..", "org.camunda.bpm.model..",
                        "org.camunda.bpm.webapp..")
                .because("workers must run on nodes without an engine (role `worker`)")
                .check(PRODUCTION);
    }
}
