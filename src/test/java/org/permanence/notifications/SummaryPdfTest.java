package org.permanence.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.permanence.printing.VeraPdf;

@Tag("unit")
class SummaryPdfTest {

    @Test
    void frenchTextIsPrintedAndCanBeReadBack() throws Exception {
        String block = """
                Mme Léa Bérénice Lefèvre a appelé le mercredi 12 mars à 14:32.
                Numéro : +33 6 12 34 56 78
                Motif : Renouvellement d'ordonnance ; œdème à la cheville, « ça ne passe pas »
                Notes : Rappeler après 17 h — elle est à l'hôpital jusque-là. Garçon âgé de 3 ans, fièvre à 39,5 °C.""";

        try (PDDocument pdf = Loader.loadPDF(SummaryPdf.print("Récapitulatif du mercredi 12 mars : 1 message", "fr", List.of(block)))) {
            String text = new PDFTextStripper().getText(pdf);

            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Récapitulatif du mercredi 12 mars : 1 message");
            assertThat(text).contains("Récapitulatif du mercredi 12 mars", "Mme Léa Bérénice Lefèvre a appelé",
                    "œdème à la cheville, « ça ne passe pas »", "l'hôpital", "Garçon âgé", "39,5 °C", "1 / 1");
        }
    }

    @Test
    void namesBeyondWesternEuropeanLettersPrintAndWhatNoFontHasBecomesAQuestionMark() throws Exception {
        String block = "Łukasz Wiśniewski, Nguyễn Thị Minh, Ødegård, Şahin, Παπαδόπουλος, Иванов 📞\tà rappeler";

        try (PDDocument pdf = Loader.loadPDF(SummaryPdf.print("Noms", "fr", List.of(block)))) {
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains("Łukasz Wiśniewski, Nguyễn Thị Minh, Ødegård, Şahin, Παπαδόπουλος, Иванов ? à rappeler");
        }
    }

    @Test
    void aSummaryOfSeveralPagesIsATaggedPdfA2aToVeraPdf() throws Exception {
        List<String> blocks = IntStream.rangeClosed(1, 40)
                .mapToObj(n -> "Mrs Hélène Lefèvre n° " + n + " called on Tuesday 11 March at 09:" + String.format("%02d", n)
                        + ".\nNumber: +33 6 12 34 56 78\nReason: « œdème », Łukasz's appointment, Nguyễn 📞")
                .toList();
        byte[] summary = SummaryPdf.print("Summary of Tuesday 11 March: 40 messages", "en", blocks);

        assertThat(VeraPdf.claimedFlavours(summary)).containsExactly("2a");
        assertThat(VeraPdf.pdfA2aFailures(summary)).as("PDF/A-2a rules veraPDF finds broken").isEmpty();
        try (PDDocument pdf = Loader.loadPDF(summary)) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en");
            PDStructureElement document = (PDStructureElement) pdf.getDocumentCatalog().getStructureTreeRoot().getKids().get(0);
            List<String> types = document.getKids().stream().map(kid -> ((PDStructureElement) kid).getStructureType()).toList();
            assertThat(types).hasSize(41).startsWith("H1").endsWith("P").containsOnly("H1", "P");
        }
    }

    @Test
    void manyMessagesTakeSeveralNumberedPagesAndLongWordsAreBroken() throws Exception {
        List<String> blocks = IntStream.rangeClosed(1, 60)
                .mapToObj(n -> "Appelant n° " + n + " a appelé le mardi 11 mars à 09:" + String.format("%02d", n % 60)
                        + ".\nNuméro : +33 6 12 34 56 78\nMotif : Demande de rendez-vous pour une visite à domicile, "
                        + "si possible en fin de matinée, car la patiente ne se déplace plus.")
                .toList();
        String longWord = "https://exemple.fr/" + "tres-long-chemin-".repeat(20);

        try (PDDocument pdf = Loader.loadPDF(SummaryPdf.print("Récapitulatif", "fr", concat(blocks, longWord)))) {
            String text = new PDFTextStripper().getText(pdf);

            assertThat(pdf.getNumberOfPages()).isGreaterThan(3);
            assertThat(text).contains("Appelant n° 1 a appelé", "Appelant n° 60 a appelé", "1 / " + pdf.getNumberOfPages(),
                    pdf.getNumberOfPages() + " / " + pdf.getNumberOfPages());
            assertThat(text.replaceAll("\\s", "")).contains(longWord);
        }
    }

    private static List<String> concat(List<String> blocks, String last) {
        return java.util.stream.Stream.concat(blocks.stream(), java.util.stream.Stream.of(last)).toList();
    }
}
