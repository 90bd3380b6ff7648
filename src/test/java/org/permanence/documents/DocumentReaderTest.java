package org.permanence.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;
import org.permanence.documents.Reading.Outcome;
import org.springframework.util.unit.DataSize;

/** Reading documents the test makes: text PDFs, drawn scans (OCR), a docx, and every kind of bad file. */
@Tag("unit")
class DocumentReaderTest {

    static final List<String> INVOICE = List.of("FACTURE N° 2026-0042", "Plomberie Leroy, 12 rue des Lilas, Lyon",
            "Date : 14/03/2026", "Remplacement du chauffe-eau", "Total TTC : 1 250,00 EUR");

    @TempDir
    static Path dataDir;
    static DocumentReader reader;

    @BeforeAll
    static void reader() {
        reader = new DocumentReader(properties(DataSize.ofMegabytes(5), 20), dataDir);
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    static DocumentProperties properties(DataSize maxSize, int maxPages) {
        return properties(maxSize, maxPages, DocumentProperties.Bounds.DEFAULTS);
    }

    static DocumentProperties properties(DataSize maxSize, int maxPages, DocumentProperties.Bounds bounds) {
        return new DocumentProperties(maxSize, maxPages, 100_000, 5, Duration.ofSeconds(30), 50, 3, 300, "fra+eng", "tesseract",
                Duration.ofSeconds(60), 0.6, 3, Path.of("no-inbox"), Duration.ofSeconds(5), "", bounds);
    }

    @Test
    void aTextPdfIsReadFromItsTextLayerWithAPreviewAndNoOcr() {
        Reading reading = reader.read(TestDocuments.textPdf(2, INVOICE));

        assertThat(reading.outcome()).isEqualTo(Outcome.READ);
        assertThat(reading.mediaType()).isEqualTo("application/pdf");
        assertThat(reading.pages()).isEqualTo(2);
        assertThat(reading.usedOcr()).isFalse();
        assertThat(reading.text()).contains("FACTURE", "Total TTC : 1 250,00 EUR");
        assertThat(reading.preview()).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void aDrawnScanIsReadByOcr() {
        Reading reading = reader.read(TestDocuments.scanPng(INVOICE));

        assertThat(reading.outcome()).isEqualTo(Outcome.READ);
        assertThat(reading.mediaType()).isEqualTo("image/png");
        assertThat(reading.ocrPages()).isEqualTo(1);
        assertThat(reading.text()).containsIgnoringCase("facture").contains("2026");
    }

    /**
     * An invoice photographed from afar: 6-pixel grey letters on a light grey page, 400 pixels wide.
     * Only doubled, Tesseract read "Ramplacamant" and lost the total's line; drawn four times larger
     * (about 300 dpi) in grey stretched from the page's darkest to its lightest, it reads both.
     */
    @Test
    void aSmallFaintScanIsDrawnLargerAndDarkerBeforeOcr() throws Exception {
        BufferedImage page = new BufferedImage(400, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(200, 200, 194));
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(new Color(120, 120, 124));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 6));
        for (int line = 0; line < INVOICE.size(); line++) {
            g.drawString(INVOICE.get(line), 10, 26 + 12 * line);
        }
        g.dispose();

        assertThat(readPicture(page)).contains("Remplacement", "Total TTC");
    }

    /** A sheet fed into the scanner the wrong way round: read as nonsense unless Tesseract detects the page's orientation. */
    @Test
    void aScanUpsideDownIsReadTheRightWayUp() throws Exception {
        BufferedImage scan = ImageIO.read(new ByteArrayInputStream(TestDocuments.scanPng(INVOICE)));
        BufferedImage upsideDown = new BufferedImage(scan.getWidth(), scan.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = upsideDown.createGraphics();
        g.rotate(Math.PI, scan.getWidth() / 2.0, scan.getHeight() / 2.0);
        g.drawImage(scan, 0, 0, null);
        g.dispose();

        assertThat(readPicture(upsideDown)).contains("FACTURE", "Remplacement du chauffe-eau");
    }

    /** The text read from the picture sent as a PNG, once it is sure the picture was read. */
    private static String readPicture(BufferedImage picture) throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", png);
        Reading reading = reader.read(png.toByteArray());
        assertThat(reading.outcome()).isEqualTo(Outcome.READ);
        return reading.text();
    }

    @Test
    void aScannedPdfWithoutTextLayerIsReadByOcrAndCachedByItsContent() {
        byte[] scan = TestDocuments.scannedPdf(INVOICE);
        Reading first = reader.read(scan);

        assertThat(first.outcome()).isEqualTo(Outcome.READ);
        assertThat(first.ocrPages()).isEqualTo(1);
        assertThat(first.ocrCached()).isFalse();
        assertThat(first.text()).containsIgnoringCase("chauffe");
        Reading again = reader.read(scan);
        assertThat(again.ocrCached()).isTrue();
        assertThat(again.text()).isEqualTo(first.text());
    }

    @Test
    void aWordDocumentIsReadByTika() {
        Reading reading = reader.read(TestDocuments.docx(INVOICE));

        assertThat(reading.outcome()).isEqualTo(Outcome.READ);
        assertThat(reading.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(reading.text()).contains("Remplacement du chauffe-eau");
    }

    @Test
    void theTypeComesFromTheBytesNotTheName() {
        // the intake never passes a name: a PNG is a PNG whatever it is called
        assertThat(reader.detect(TestDocuments.scanPng(INVOICE)).toString()).isEqualTo("image/png");
        assertThat(reader.detect(TestDocuments.textPdf(1, INVOICE)).toString()).isEqualTo("application/pdf");
    }

    @Test
    void anEncryptedPdfIsRefusedWithTheReason() {
        Reading reading = reader.read(TestDocuments.encryptedPdf(INVOICE));

        assertThat(reading.outcome()).isEqualTo(Outcome.ENCRYPTED);
        assertThat(reading.reason()).contains("mot de passe");
    }

    @Test
    void aZipBombIsNeverUnpacked() {
        Reading reading = reader.read(TestDocuments.zipBomb());

        // an archive is refused on its type, before any parser opens it
        assertThat(reading.outcome()).isEqualTo(Outcome.UNSUPPORTED);
        assertThat(reading.mediaType()).isEqualTo("application/zip");
        assertThat(reading.reason()).contains("application/zip");
    }

    @Test
    void emptyCorruptTooLargeAndTooLongFilesAreRefusedWithTheirReason() {
        assertThat(reader.read(new byte[0]).outcome()).isEqualTo(Outcome.EMPTY);
        byte[] pdf = TestDocuments.textPdf(1, INVOICE);
        byte[] cut = java.util.Arrays.copyOf(pdf, pdf.length / 3);
        Reading corrupt = reader.read(cut);
        assertThat(corrupt.outcome()).isEqualTo(Outcome.CORRUPT);
        assertThat(corrupt.reason()).isNotBlank();

        try (DocumentReader strict = new DocumentReader(properties(DataSize.ofKilobytes(1), 2), dataDir)) {
            Reading large = strict.read(TestDocuments.scanPng(INVOICE));
            assertThat(large.outcome()).isEqualTo(Outcome.TOO_LARGE);
            assertThat(large.reason()).contains("limite");
        }
        try (DocumentReader fewPages = new DocumentReader(properties(DataSize.ofMegabytes(5), 2), dataDir)) {
            assertThat(fewPages.read(TestDocuments.textPdf(3, INVOICE)).outcome()).isEqualTo(Outcome.TOO_MANY_PAGES);
        }
    }

    @Test
    void aFileOfNoDocumentTypeIsRefused() {
        Reading reading = reader.read(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0});

        assertThat(reading.isRead()).isFalse();
        assertThat(reading.reason()).isNotBlank();
    }
}
