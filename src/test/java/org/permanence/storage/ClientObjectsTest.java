package org.permanence.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** Whose a storage key is, as the drafting and documents features check it before they send or read. */
@Tag("unit")
class ClientObjectsTest {

    @Test
    void aClientsFoldersAreHersAndNothingElse() {
        assertThat(ClientObjects.belongsTo("documents/cabinet-martin/d1/original", "cabinet-martin")).isTrue();
        assertThat(ClientObjects.belongsTo("filed/cabinet-martin/facture/2026/d1.pdf", "cabinet-martin")).isTrue();
        assertThat(ClientObjects.belongsTo("clients/cabinet-martin/incoming/m1/0/scan.pdf", "cabinet-martin")).isTrue();

        assertThat(ClientObjects.belongsTo("documents/durand-avocats/d1/original", "cabinet-martin")).isFalse();
        assertThat(ClientObjects.belongsTo("documents/cabinet-martin-bis/d1/original", "cabinet-martin")).isFalse();
        assertThat(ClientObjects.belongsTo("incoming/unmatched/m1/0/scan.pdf", "cabinet-martin")).isFalse();
        assertThat(ClientObjects.belongsTo("models/cabinet-martin/model.bin", "cabinet-martin")).isFalse();
        assertThat(ClientObjects.belongsTo("documents/cabinet-martin", "cabinet-martin")).isFalse();
        assertThat(ClientObjects.belongsTo("documents/cabinet-martin/d1/original", null)).isFalse();
    }

    @Test
    void aKeyThatClimbsOrHidesItsPathIsNobodys() {
        assertThat(ClientObjects.belongsTo("documents/cabinet-martin/../durand-avocats/d1/original", "cabinet-martin")).isFalse();
        assertThat(ClientObjects.belongsTo("documents/cabinet-martin/./d1/original", "cabinet-martin")).isFalse();
        assertThat(ClientObjects.belongsTo("documents/cabinet-martin//d1/original", "cabinet-martin")).isFalse();
        assertThat(ClientObjects.belongsTo("documents/cabinet-martin/d1\\..\\x", "cabinet-martin")).isFalse();
    }
}
