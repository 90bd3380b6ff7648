package org.permanence.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;
import org.permanence.documents.Reading.Outcome;
import org.permanence.system.ProblemTexts;
import org.springframework.util.unit.DataSize;

/**
 * The files that took gigabytes of a node, refused by their bounds before the costly work, with the
 * reason in French: the bound itself first (so, on code without it, this fails to compile rather
 * than taking the test JVM's memory), then the whole reading, measured in what this thread allocated.
 */
@Tag("unit")
class DocumentBoundsTest {

    /** What refusing one file may allocate, all told: far below the gigabytes each took. */
    private static final long AT_MOST = 64L << 20;

    @TempDir
    static Path dataDir;
    static DocumentReader reader;
    static DocumentBounds bounds;

    @BeforeAll
    static void reader() {
        DocumentProperties properties = DocumentReaderTest.properties(DataSize.ofMegabytes(25), 200);
        reader = new DocumentReader(properties, dataDir);
        bounds = new DocumentBounds(properties.bounds(), ProblemTexts.texts());
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    @Test
    void aPictureOfThirtyThousandPixelsASideIsRefusedFromItsHeader() throws Exception {
        byte[] png = HostileDocuments.hugePng();
        assertThat(png.length).isLessThan(200_000);

        Refusal refusal = refused(() -> bounds.checkImage(png));
        assertThat(refusal.outcome()).isEqualTo(Outcome.TOO_LARGE);
        assertThat(refusal.getMessage()).isEqualTo("L’image mesure 30000 × 30000 pixels (900 millions), au-delà de la limite "
                + "de 40 millions : elle n’est pas ouverte. Demander au client un scan plus petit.");

        Reading reading = cheaply(() -> reader.read(png));
        assertThat(reading.outcome()).isEqualTo(Outcome.TOO_LARGE);
        assertThat(reading.mediaType()).isEqualTo("image/png");
        assertThat(reading.reason()).startsWith("L’image mesure 30000 × 30000 pixels");
    }

    @Test
    void aTinyPdfWithAPageOfThreeAndAHalfMetresIsNeitherDrawnNorSentToOcr() throws Exception {
        byte[] pdf = HostileDocuments.giantPagePdf();
        assertThat(pdf.length).isLessThan(1_000);

        Reading reading = cheaply(() -> reader.read(pdf));
        assertThat(reading.outcome()).isEqualTo(Outcome.TOO_LARGE);
        assertThat(reading.usedOcr()).isFalse();
        assertThat(reading.reason()).isEqualTo("La page 1 du PDF mesure 353 × 353 cm, au-delà de la limite de 120 cm de côté : "
                + "elle n’est pas dessinée.");
    }

    @Test
    void aLargePageWithinTheSideLimitIsDrawnAtALowerResolutionWithinThePixelBound() {
        org.apache.pdfbox.pdmodel.PDPage a0 = new org.apache.pdfbox.pdmodel.PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A0);
        float dpi = bounds.dpiFor(a0, 300);
        double pixels = (a0.getCropBox().getWidth() / 72.0 * dpi) * (a0.getCropBox().getHeight() / 72.0 * dpi);

        assertThat(dpi).isLessThan(300);
        assertThat(pixels).isLessThanOrEqualTo(40_000_000);
        assertThat(bounds.dpiFor(new org.apache.pdfbox.pdmodel.PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A4), 300))
                .isEqualTo(300);
    }

    @Test
    void aPdfStreamInflatingToHalfAGigabyteIsCountedNotKept() {
        byte[] pdf = HostileDocuments.inflatingPdf();
        assertThat(pdf.length).isBetween(400_000, 700_000);

        Reading reading = cheaply(() -> reader.read(pdf));
        assertThat(reading.outcome()).isEqualTo(Outcome.SUSPICIOUS);
        assertThat(reading.reason()).isEqualTo("Le fichier se décompresse en plus de 100 Mo (bombe de décompression ?) : "
                + "il n’est pas ouvert.");
    }

    @Test
    void aDocxWhosePartUnpacksAThousandfoldIsRefusedBeforeTikaOpensIt() throws Exception {
        byte[] docx = HostileDocuments.docxBomb();
        assertThat(docx.length).isBetween(200_000, 500_000);

        Refusal refusal = refused(() -> bounds.checkZip(docx));
        assertThat(refusal.outcome()).isEqualTo(Outcome.SUSPICIOUS);

        Reading reading = cheaply(() -> reader.read(docx));
        assertThat(reading.outcome()).isEqualTo(Outcome.SUSPICIOUS);
        assertThat(reading.reason()).isEqualTo("Une partie du fichier (word/document.xml) se décompresse en plus de 30 fois "
                + "sa taille (bombe de décompression ?) : il n’est pas ouvert.");
    }

    @Test
    void tesseractNeedingMoreThanItsMemoryBoundFailsInsteadOfTakingTheMachines() throws Exception {
        // enough to load the program and its languages, not to hold an A4 page at 300 dpi (reading it as one
        // block of lines, without the automatic layout, fits in 120 MB)
        Tesseract starved = new Tesseract("tesseract", "fra+eng", java.time.Duration.ofSeconds(60), DataSize.ofMegabytes(100));
        java.awt.image.BufferedImage page = new java.awt.image.BufferedImage(2480, 3508, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);

        Exception failed = org.junit.jupiter.api.Assertions.assertThrows(Tesseract.OcrFailed.class, () -> starved.read(page));
        assertThat(failed.getMessage()).contains("within 100 MB of memory");
    }

    @Test
    void aNarrowTallPictureIsNotEnlargedPastThePixelBoundForOcr() {
        assertThat(bounds.enlargement(600, 60_000, 4)).isLessThanOrEqualTo(Math.sqrt(40_000_000 / 36_000_000.0));
        assertThat(bounds.enlargement(600, 800, 4)).isEqualTo(4);
    }

    @Test
    void anOrdinaryDocxAndScanStayWithinTheBounds() throws Exception {
        bounds.checkZip(TestDocuments.docx(DocumentReaderTest.INVOICE));
        bounds.checkImage(TestDocuments.scanPng(DocumentReaderTest.INVOICE));
        assertThat(reader.read(TestDocuments.docx(DocumentReaderTest.INVOICE)).outcome()).isEqualTo(Outcome.READ);
    }

    @Test
    void anErrorOfAnyKindWhileReadingIsAReasonNotAnException() {
        try (DocumentReader failing = new DocumentReader(DocumentReaderTest.properties(DataSize.ofMegabytes(25), 200), dataDir) {
            @Override
            public org.apache.tika.mime.MediaType detect(byte[] content) {
                throw new OutOfMemoryError("Java heap space");
            }
        }) {
            Reading reading = failing.read(TestDocuments.textPdf(1, DocumentReaderTest.INVOICE));

            assertThat(reading.isRead()).isFalse();
            assertThat(reading.reason()).isEqualTo("La lecture du document a échoué (java.lang.OutOfMemoryError: Java heap space) : "
                    + "il ne sera pas relu de lui-même.");
        }
    }

    private interface Check {
        void run() throws Exception;
    }

    private static Refusal refused(Check check) throws Exception {
        try {
            check.run();
        } catch (Refusal refusal) {
            return refusal;
        }
        throw new AssertionError("not refused");
    }

    /** The reading's result, after checking that this thread allocated little for it. */
    private static Reading cheaply(Supplier<Reading> reading) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        Reading read = reading.get();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        System.out.println("allocated " + (allocated >> 20) + " MB: " + read.reason());
        assertThat(allocated).as("bytes allocated to refuse it").isLessThan(AT_MOST);
        return read;
    }
}
