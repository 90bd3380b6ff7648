package org.permanence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each feature package is a module: no dependency cycles between them, and a feature's sub-packages
 * stay its own unless it names them (its {@code engine} package, where others may use it). The
 * module diagram and the canvases are written from the same model: into {@code target/modules-docs},
 * or, to refresh the committed ones, {@code ./mvnw test -Dtest=ModulesTest -Dmodules.docs=docs/modules}
 * (Modulith's PlantUML lists relations in no fixed order, so a run writing into {@code docs/} by
 * default would leave the tree changed every time).
 */
@Tag("unit")
class ModulesTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(PermanenceApplication.class);

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.permanence");

    @Test
    void theFeaturesDependOnEachOtherWithoutCycles() {
        MODULES.verify();
    }

    /**
     * The four edges that made the twelve cycles, named so that bringing one back fails here with its
     * name even before it closes a cycle again. {@code calls} may read the appointment book (the
     * briefing card shows the caller's next appointment); what closed that cycle was appointments
     * reaching calls back through telephony, so the guard is on that direction.
     */
    @Test
    void theEdgesThatMadeCyclesStayBroken() {
        noClasses().that().resideInAPackage("org.permanence.clients..")
                .should().dependOnClassesThat().resideInAPackage("org.permanence.telephony..")
                .because("telephony reaches calls, and calls reach clients: phone numbers belong to clients")
                .check(PRODUCTION);
        noClasses().that().resideInAPackage("org.permanence.appointments..")
                .should().dependOnClassesThat().resideInAnyPackage("org.permanence.calls..", "org.permanence.telephony..")
                .because("calls read the appointment book for the briefing card")
                .check(PRODUCTION);
        noClasses().that().resideInAPackage("org.permanence.people..")
                .should().dependOnClassesThat().resideInAPackage("org.permanence.clients..")
                .because("clients use the signed-in person; the demo office lives in onboarding")
                .check(PRODUCTION);
        noClasses().that().resideInAPackage("org.permanence.system..")
                .should().dependOnClassesThat().resideInAPackage("org.permanence.storage..")
                .because("storage uses the system's error answers; its outage type lives in system")
                .check(PRODUCTION);
    }

    @Test
    void writesTheModulesDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults()
                .withOutputFolder(System.getProperty("modules.docs", "target/modules-docs")))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
