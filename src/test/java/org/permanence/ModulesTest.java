package org.permanence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.permanence.modules.cycle.CycleFixture;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * Each feature package is a module: no dependency cycles between them, and a feature's sub-packages
 * stay its own unless it names them (its {@code engine} package, where others may use it). The
 * module diagram and the canvases in {@code docs/modules/} are written from the same model.
 */
@Tag("unit")
class ModulesTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(PermanenceApplication.class);

    @Test
    void theFeaturesDependOnEachOtherWithoutCycles() {
        MODULES.verify();
    }

    @Test
    void aCycleBetweenTwoFeaturesIsReported() {
        // two packages using each other, as clients and telephony did through PhoneNumbers
        ApplicationModules fixture = ApplicationModules.of(CycleFixture.class);

        Violations violations = fixture.detectViolations();

        assertThat(violations.getMessages()).anySatisfy(message -> assertThat(message).contains("Cycle detected"));
        assertThatThrownBy(fixture::verify).isInstanceOf(Violations.class);
    }

    @Test
    void writesTheModulesDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
