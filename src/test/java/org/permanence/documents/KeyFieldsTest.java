package org.permanence.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

@Tag("unit")
class KeyFieldsTest {

    @Test
    void anInvoiceGivesItsDateAmountSenderAndNumber() {
        KeyFields fields = KeyFields.in("""
                Plomberie Leroy
                12 rue des Lilas, 69003 Lyon
                FACTURE N° 2026-0042
                Date : 14/03/2026
                Sous-total 1 041,67 €
                Total TTC : 1 250,00 €
                """);

        assertThat(fields.sender()).isEqualTo("Plomberie Leroy");
        assertThat(fields.invoiceNumber()).isEqualTo("2026-0042");
        assertThat(fields.date()).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(fields.amount()).isEqualTo("1 250,00 €");
    }

    @Test
    void englishAndWordedDatesAndAmountsAreFoundToo() {
        KeyFields fields = KeyFields.in("Contoso Ltd\nInvoice number: INV-1001\n3 March 2025\nAmount due: $1,234.50");

        assertThat(fields.date()).isEqualTo(LocalDate.of(2025, 3, 3));
        assertThat(fields.invoiceNumber()).isEqualTo("INV-1001");
        assertThat(fields.amount()).isEqualTo("$1,234.50");
    }

    @Test
    void whatIsNotThereIsLeftEmpty() {
        KeyFields fields = KeyFields.in("Madame, Monsieur, veuillez trouver ci-joint notre courrier.");

        assertThat(fields.date()).isNull();
        assertThat(fields.amount()).isNull();
        assertThat(fields.invoiceNumber()).isNull();
    }
}
