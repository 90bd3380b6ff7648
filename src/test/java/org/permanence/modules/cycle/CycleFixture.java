package org.permanence.modules.cycle;

import org.springframework.modulith.Modulithic;

/** The root of a two-module fixture whose modules use each other, for {@code ModulesTest}. */
@Modulithic
public final class CycleFixture {

    private CycleFixture() {
    }
}
