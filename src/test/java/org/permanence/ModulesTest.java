package org.permanence;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
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
    void writesTheModulesDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
