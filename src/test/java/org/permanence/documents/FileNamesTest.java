package org.permanence.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** Names people send are cleaned for display and never reach a storage key. */
@Tag("unit")
class FileNamesTest {

    @Test
    void foldersControlCharactersAndSyntaxAreRemoved() {
        assertThat(FileNames.clean("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.clean("C:\\Users\\x\\Facture mars.pdf")).isEqualTo("Facture mars.pdf");
        assertThat(FileNames.clean("facture\u0000<script>.pdf")).isEqualTo("facture_script_.pdf");
        assertThat(FileNames.clean("...")).isEqualTo("document");
        assertThat(FileNames.clean(null)).isEqualTo("document");
        assertThat(FileNames.clean("é".repeat(300) + ".pdf")).hasSize(120).endsWith(".pdf");
    }

    @Test
    void storageKeysAreMadeOfIdsOnly() {
        String id = "0b9f3c52-7d1e-4a7a-9a57-2f1c3f5e8a10";
        assertThat(DocumentObjects.original("plomberie-leroy", id)).isEqualTo("documents/plomberie-leroy/" + id + "/original");
        assertThat(DocumentObjects.filed("plomberie-leroy", "facture", 2026, id, "application/pdf"))
                .isEqualTo("filed/plomberie-leroy/facture/2026/" + id + ".pdf");
        assertThatThrownBy(() -> DocumentObjects.filed("plomberie-leroy", "../x", 2026, id, "application/pdf"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
