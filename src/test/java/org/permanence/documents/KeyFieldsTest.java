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

    /** A till receipt: a scribble above the name, the registration number after it, totals before and after tax. */
    @Test
    void aReceiptGivesItsCompanyTheTotalWithTaxAndItsShortDate() {
        KeyFields fields = KeyFields.in("""
                3 18 OI OIF
                _ KEDAI RUNCIT MAJU SDN BHD (81109-A)
                NO 290, JALAN AIR PANAS,
                Doc No : CS00012664 Date: 11/01/18
                Total Qty 5 4473
                Total Sales (Excluding GST) : 109.70
                Total GST : 6.58
                Total Sales (Inclusive of GST) : 116. 28
                CASH : 120.00
                Total : 109.70 6.58
                """);

        assertThat(fields.sender()).isEqualTo("KEDAI RUNCIT MAJU SDN BHD");
        assertThat(fields.date()).isEqualTo(LocalDate.of(2018, 1, 11));
        assertThat(fields.amount()).isEqualTo("116. 28");
        assertThat(KeyFields.decimal(fields.amount())).contains(new java.math.BigDecimal("116.28"));
    }

    @Test
    void theNameWithItsLegalFormIsPreferredToAShopSignAbove() {
        assertThat(KeyFields.sender("KIKU JAPANESE RESTAURANT\nTK DIVISION KITCHEN SDN BHD\n1202152-P")).contains("TK DIVISION KITCHEN SDN BHD");
        assertThat(KeyFields.sender("Plomberie Leroy\n12 rue des Lilas\nSARL au capital de 10 000 €")).contains("Plomberie Leroy");
        assertThat(KeyFields.sender("Farmasi Sentosa S/B(587969-U)\nGST NO: 000342237184")).contains("Farmasi Sentosa S/B");
        assertThat(KeyFields.sender("SOLARIS\nDutamas\nBULAN TERANG SON BHD\n(No. 198573-M )")).contains("BULAN TERANG SDN BHD");
    }

    @Test
    void theCashHandedOverIsTheTotalOnlyWhenNoTotalIsLegible() {
        assertThat(KeyFields.amount("Subtotal 6 00\nPayment 6.00\nChange Due - 0.00")).contains("6.00");
        assertThat(KeyFields.amount("Total: 72.93\nCASH 73.00\nChange 0.07")).contains("72.93");
        assertThat(KeyFields.amount("Payment 50.00\nCHANGE CASH 9,95")).contains("50.00");
        assertThat(KeyFields.amount("TakeOut Total (incl GST) 25.40\nTotal Rounded 25.40\nTOTAL INCLUDES 6% GST 1,44")).contains("25.40");
        assertThat(KeyFields.amount("Sous-total 1 041,67 €\nTVA 208,33 €\nTotal HT 1 041,67 €")).isEmpty();
    }

    @Test
    void aWordedDateMayHaveATwoFigureYearAndAFullDateComesBeforeAShortOne() {
        assertThat(KeyFields.date("Chk 1080323\n30 Dec 17 18:40:57")).contains(LocalDate.of(2017, 12, 30));
        assertThat(KeyFields.date("Ref 12/05/26\nDate : 14/03/2026")).contains(LocalDate.of(2026, 3, 14));
    }

    @Test
    void amountsAreReadAsNumbersWhateverTheirSeparators() {
        assertThat(KeyFields.decimal("1 250,00 €")).contains(new java.math.BigDecimal("1250.00"));
        assertThat(KeyFields.decimal("$1,234.50")).contains(new java.math.BigDecimal("1234.50"));
        assertThat(KeyFields.decimal("RM4.00")).contains(new java.math.BigDecimal("4.00"));
        assertThat(KeyFields.decimal("4 ,80")).contains(new java.math.BigDecimal("4.80"));
        assertThat(KeyFields.decimal("7")).contains(new java.math.BigDecimal("7"));
        assertThat(KeyFields.decimal("RM")).isEmpty();
    }
}
