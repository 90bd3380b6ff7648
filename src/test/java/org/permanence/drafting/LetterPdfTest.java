package org.permanence.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.permanence.printing.VeraPdf;

/** The letter PDF read back as a person and a machine would: its text, its pages, and a picture of page 1. */
@Tag("unit")
class LetterPdfTest {

    private static final Letterhead LETTERHEAD = new Letterhead(List.of("12, rue des Hallebardes", "67000 Strasbourg",
            "03 88 12 34 56 — contact@martin.example.fr"), "Strasbourg", "Dr Étienne Martin");
    private static final String BODY = """
            Madame,

            Suite à votre appel du 12 mars, je vous confirme que l'ordonnance de votre fils est prête. Vous pouvez \
            la retirer au cabinet à partir de 14 h ; en cas d'empêchement, nous l'adresserons à la pharmacie de \
            votre choix. « Ça ne passe pas » : si l'œdème persiste, merci de rappeler. Garçon âgé de 3 ans, fièvre à 39,5 °C.

            Je vous prie d'agréer, Madame, l'expression de mes salutations distinguées.""";

    @Test
    void theTextReadsBackWithItsAccentsAndEveryPartOfALetter() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(LetterPdf.print(letter(BODY)))) {
            String text = new PDFTextStripper().getText(pdf);

            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(text).contains("Cabinet du Dr Martin", "12, rue des Hallebardes", "Mme Hélène Lefèvre",
                    "8, allée des Châtaigniers", "Strasbourg, le 3 décembre 2026", "Réf. : MAIL-2026-0042",
                    "Objet : Votre ordonnance — réponse à votre appel", "Dr Étienne Martin", "Page 1 sur 1");
            assertThat(text.replaceAll("\\s+", " ")).contains(BODY.replaceAll("\\s+", " "));
        }
    }

    @Test
    void aLongLetterBreaksOverThreeNumberedPagesLosingNoLine() throws Exception {
        String body = IntStream.rangeClosed(1, 90).mapToObj(n -> "Paragraphe n° " + n + " : détail de la réponse, ligne à ligne.")
                .collect(Collectors.joining("\n"));

        try (PDDocument pdf = Loader.loadPDF(LetterPdf.print(letter(body)))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(3);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= 3; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(pdf)).contains("Page " + page + " sur 3");
            }
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            assertThat(stripper.getText(pdf)).startsWith("Cabinet du Dr Martin");
            stripper.setStartPage(1);
            stripper.setEndPage(3);
            String all = stripper.getText(pdf);
            IntStream.rangeClosed(1, 90).forEach(n -> assertThat(all).contains("Paragraphe n° " + n + " : détail"));
            stripper.setStartPage(3);
            assertThat(stripper.getText(pdf)).contains("Paragraphe n° 90", "Dr Étienne Martin");
        }
    }

    @Test
    void aLetterOfSeveralPagesWithALogoIsATaggedPdfA2aToVeraPdf() throws Exception {
        String body = BODY + "\n" + IntStream.rangeClosed(1, 90)
                .mapToObj(n -> "Paragraphe n° " + n + " : « détail » de la réponse, ligne à ligne, œdème.")
                .collect(Collectors.joining("\n"));
        Letter letter = letter(body);
        byte[] printed = LetterPdf.print(new Letter(letter.clientName(), letter.clientInSentence(), LETTERHEAD, translucentLogo(), "fr", letter.recipient(),
                letter.date(), letter.reference(), letter.subject(), body));

        assertThat(VeraPdf.claimedFlavours(printed)).containsExactly("2a");
        assertThat(VeraPdf.pdfA2aFailures(printed)).as("PDF/A-2a rules veraPDF finds broken").isEmpty();
        try (PDDocument pdf = Loader.loadPDF(printed)) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(2);
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("fr");
            PDStructureElement document = (PDStructureElement) pdf.getDocumentCatalog().getStructureTreeRoot().getKids().get(0);
            List<PDStructureElement> parts = document.getKids().stream().map(PDStructureElement.class::cast).toList();
            assertThat(parts.get(0).getStructureType()).isEqualTo("Figure");
            assertThat(parts.get(0).getAlternateDescription()).isEqualTo("Logo du Cabinet du Dr Martin");
            assertThat(parts).extracting(PDStructureElement::getStructureType).containsOnlyOnce("H1").containsOnly("Figure", "H1", "P");
        }
    }

    @Test
    void aCmykJpegLogoIsRedrawnInRgbForPdfA() throws Exception {
        Letter letter = letter(BODY);
        byte[] printed = LetterPdf.print(new Letter(letter.clientName(), letter.clientInSentence(), LETTERHEAD, cmykJpegLogo(), "fr", letter.recipient(),
                letter.date(), letter.reference(), letter.subject(), BODY));

        assertThat(VeraPdf.pdfA2aFailures(printed)).as("PDF/A-2a rules veraPDF finds broken").isEmpty();
    }

    /** A JPEG logo in CMYK, as a print shop delivers them. */
    private static byte[] cmykJpegLogo() throws Exception {
        java.awt.image.WritableRaster cmyk = java.awt.image.Raster.createInterleavedRaster(
                java.awt.image.DataBuffer.TYPE_BYTE, 90, 60, 4, null);
        for (int x = 0; x < 90; x++) {
            for (int y = 0; y < 60; y++) {
                cmyk.setPixel(x, y, new int[] {200, 120, 0, x});
            }
        }
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream out = ImageIO.createImageOutputStream(jpeg)) {
            writer.setOutput(out);
            writer.write(new javax.imageio.IIOImage(cmyk, null, null));
        }
        writer.dispose();
        return jpeg.toByteArray();
    }

    /** A PNG logo with an alpha channel (a transparent background), as clients upload them. */
    private static byte[] translucentLogo() throws Exception {
        BufferedImage logo = new BufferedImage(120, 80, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D pen = logo.createGraphics();
        pen.setColor(new java.awt.Color(0x1f, 0x3a, 0x5f, 200));
        pen.fillOval(10, 10, 100, 60);
        pen.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(logo, "png", png);
        return png.toByteArray();
    }

    @Test
    void pageOneLooksLikeALetterToPdftoppm() throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "letters"));
        Path pdf = folder.resolve("letter.pdf");
        Files.write(pdf, LetterPdf.print(letter(BODY)));

        Process pdftoppm = new ProcessBuilder("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                pdf.toString(), folder.resolve("letter-page-1").toString()).redirectErrorStream(true).start();
        assertThat(pdftoppm.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(pdftoppm.exitValue()).as(new String(pdftoppm.getInputStream().readAllBytes())).isZero();
        BufferedImage page = ImageIO.read(folder.resolve("letter-page-1.png").toFile());

        // A4 portrait; the logo square at the top left is solid ink, the address block and text below it
        // carry some, the bottom of the page below the signature is paper
        assertThat((double) page.getHeight() / page.getWidth()).isCloseTo(297.0 / 210, org.assertj.core.data.Offset.offset(0.02));
        assertThat(ink(page, 0.11, 0.05, 0.20, 0.11)).as("logo").isGreaterThan(0.8);
        assertThat(ink(page, 0.24, 0.04, 0.60, 0.14)).as("client's name and address").isBetween(0.02, 0.5);
        assertThat(ink(page, 0.10, 0.45, 0.90, 0.65)).as("text of the letter").isBetween(0.02, 0.5);
        assertThat(ink(page, 0.0, 0.85, 1.0, 0.93)).as("empty foot of the page").isLessThan(0.005);
    }

    /** The share of dark pixels in this part of the page (fractions of its width and height). */
    private static double ink(BufferedImage page, double left, double top, double right, double bottom) {
        int dark = 0;
        int all = 0;
        for (int x = (int) (left * page.getWidth()); x < (int) (right * page.getWidth()); x++) {
            for (int y = (int) (top * page.getHeight()); y < (int) (bottom * page.getHeight()); y++) {
                int rgb = page.getRGB(x, y);
                int brightness = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                dark += brightness < 160 ? 1 : 0;
                all++;
            }
        }
        return (double) dark / all;
    }

    private static Letter letter(String body) {
        return new Letter("Cabinet du Dr Martin", "le Cabinet du Dr Martin", LETTERHEAD, null, "fr", List.of("Mme Hélène Lefèvre", "8, allée des Châtaigniers",
                "67100 Strasbourg"), LocalDate.of(2026, 12, 3), "MAIL-2026-0042", "Votre ordonnance — réponse à votre appel", body);
    }
}
