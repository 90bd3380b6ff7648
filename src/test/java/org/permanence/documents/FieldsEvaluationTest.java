package org.permanence.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** The evaluation command's fields mode on a tiny CSV of text PDFs it makes: the rates and the last line scripts read. */
@Tag("unit")
class FieldsEvaluationTest {

    @TempDir
    Path folder;

    @Test
    void eachFieldIsComparedAsWhatItIsAndTheLastLineGivesTheRates() throws Exception {
        Files.write(folder.resolve("leroy.pdf"), TestDocuments.textPdf(1, List.of("Plomberie Leroy SARL (RCS 123 456)",
                "FACTURE N° 2026-0042", "Date : 14/03/2026", "Total HT : 1 000,00 EUR", "Total TTC : 1 200,00 EUR")));
        Files.write(folder.resolve("garage.pdf"), TestDocuments.textPdf(1, List.of("Garage du Centre", "Le 2 avril 2026",
                "Montant : 80,00 EUR")));
        // labels as people write them: another date format, the currency, a name in capitals and a quoted comma
        Files.writeString(folder.resolve("fields.csv"), """
                file,company,date,total
                leroy.pdf,"PLOMBERIE LEROY, SARL",14-03-2026,EUR 1200.00
                garage.pdf,Garage du Centre,03/04/2026,80
                """);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        FieldsEvaluation.Rates rates;
        try (DocumentReader reader = new DocumentReader(DocumentReaderTest.properties(DataSize.ofMegabytes(5), 20), folder)) {
            rates = FieldsEvaluation.run(reader, folder.resolve("fields.csv"), new PrintStream(printed, true, StandardCharsets.UTF_8));
        }

        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("fields=2 date_exact=0.5000 total_exact=1.0000 company_match=1.0000");
        assertThat(rates).isEqualTo(new FieldsEvaluation.Rates(2, 0.5, 1.0, 1.0));
        assertThat(lines).anyMatch(line -> line.contains("garage.pdf") && line.contains("date 03/04/2026 read 2026-04-02"));
    }

    @Test
    void labelDatesAndAmountsAreReadTheWaysPeopleWriteThem() {
        assertThat(FieldsEvaluation.labelDate("23/12/17")).contains(LocalDate.of(2017, 12, 23));
        assertThat(FieldsEvaluation.labelDate("30 DEC 17")).contains(LocalDate.of(2017, 12, 30));
        assertThat(FieldsEvaluation.labelDate("25032018")).contains(LocalDate.of(2018, 3, 25));
        assertThat(FieldsEvaluation.labelDate("17/1/2018")).contains(LocalDate.of(2018, 1, 17));
        assertThat(FieldsEvaluation.sameAmount("RM 29.70", "29. 70")).isTrue();
        assertThat(FieldsEvaluation.sameAmount("7.42", "7.00")).isFalse();
        assertThat(FieldsEvaluation.sameCompany("FARMASI MALURI S/B", "Farmasi Maluri S/B")).isTrue();
        assertThat(FieldsEvaluation.sameCompany("RESTORAN WAN SHENG", "RESTORAN HAN SHENG")).isFalse();
        assertThat(FieldsEvaluation.cells("a.pdf,\"X, \"\"Y\"\"\",1/1/20,3")).containsExactly("a.pdf", "X, \"Y\"", "1/1/20", "3");
    }
}
