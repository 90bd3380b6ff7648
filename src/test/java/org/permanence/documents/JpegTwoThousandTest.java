package org.permanence.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.permanence.documents.Reading.Outcome;
import org.springframework.util.unit.DataSize;

/**
 * Scans whose pages are JPEG 2000 (JPXDecode), as some copiers make them: read by OCR through the
 * ImageIO plugin, and still within the pixel bound when the PDF lies about the picture's size.
 */
@Tag("unit")
class JpegTwoThousandTest {

    @TempDir
    static Path dataDir;
    static DocumentReader reader;

    @BeforeAll
    static void reader() {
        reader = new DocumentReader(DocumentReaderTest.properties(DataSize.ofMegabytes(5), 20), dataDir);
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    @Test
    void aScannedPdfOfJpegTwoThousandPagesIsReadByOcr() throws IOException {
        BufferedImage scan = gray(ImageIO.read(new ByteArrayInputStream(TestDocuments.scanPng(DocumentReaderTest.INVOICE))));

        Reading reading = reader.read(jpxPdf(jpeg2000(scan), scan.getWidth(), scan.getHeight()));

        assertThat(reading.reason()).isNull();
        assertThat(reading.outcome()).isEqualTo(Outcome.READ);
        assertThat(reading.ocrPages()).isEqualTo(1);
        assertThat(reading.text()).contains("FACTURE", "chauffe-eau");
        assertThat(reading.preview()).startsWith(0x89, 'P', 'N', 'G');
    }

    /** The attack: the PDF says 100 × 100 pixels, the codestream (which the decoder follows) says 1100 × 1000. */
    @Test
    void aJpegTwoThousandPictureLargerThanItsPdfSaysIsRefusedFromItsCodestream() throws IOException {
        DocumentProperties strict = DocumentReaderTest.properties(DataSize.ofMegabytes(5), 20, new DocumentProperties.Bounds(1_000_000,
                120, DataSize.ofMegabytes(100), 30, 1000, DataSize.ofGigabytes(1)));
        byte[] pdf = jpxPdf(jpeg2000(gray(new BufferedImage(1100, 1000, BufferedImage.TYPE_BYTE_GRAY))), 100, 100);

        try (DocumentReader bounded = new DocumentReader(strict, dataDir)) {
            Reading reading = bounded.read(pdf);

            assertThat(reading.outcome()).isEqualTo(Outcome.TOO_LARGE);
            assertThat(reading.usedOcr()).isFalse();
            assertThat(reading.reason()).startsWith("L’image mesure 1100 × 1000 pixels");
        }
    }

    @Test
    void aJpegTwoThousandStreamWithoutItsSizeIsNotDecoded() throws IOException {
        Reading reading = reader.read(jpxPdf("not a codestream at all".getBytes(), 100, 100));

        assertThat(reading.outcome()).isEqualTo(Outcome.CORRUPT);
        assertThat(reading.reason()).isEqualTo("Une image JPEG 2000 du PDF ne dit pas sa taille : elle n’est pas décodée.");
    }

    private static BufferedImage gray(BufferedImage image) {
        BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        gray.createGraphics().drawImage(image, 0, 0, null);
        return gray;
    }

    /** The picture in JPEG 2000 (JP2 file format), by the same plugin that reads it. */
    private static byte[] jpeg2000(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, "jpeg2000", out)).as("a JPEG 2000 writer is installed").isTrue();
        return out.toByteArray();
    }

    /** A one-page PDF whose only content is a JPXDecode image claiming {@code width} × {@code height}. */
    private static byte[] jpxPdf(byte[] jpx, int width, int height) throws IOException {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            PDImageXObject image = new PDImageXObject(pdf, new ByteArrayInputStream(jpx), COSName.JPX_DECODE, width, height, 8,
                    PDDeviceGray.INSTANCE);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                float drawn = page.getMediaBox().getWidth() - 40;
                content.drawImage(image, 20, page.getMediaBox().getHeight() - 20 - drawn * height / width, drawn, drawn * height / width);
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }
}
