package org.permanence.documents;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How documents are read and classified. Limits keep one hostile or huge file from stalling a
 * worker: past {@code maxSize} or {@code maxPages} a document goes to a secretary with the reason. Text is kept from the first
 * {@code textPages} pages of a PDF, {@code maxTextChars} characters at most.
 * A PDF page with fewer than {@code minTextChars} characters of text layer is treated as a scan and
 * read by OCR ({@code ocrPages} first pages at {@code ocrDpi}). Files dropped in {@code inbox/<client id>/} are taken in every {@code inboxPoll}.
 * {@code publicBaseUrl} is the address browsers reach the office at, for the preview in the task form
 * (empty: {@code permanence.links.public-base-url}; never the address a request names in its Host header).
 * {@code bounds} keep a small hostile file from taking the node's memory or time: see {@link Bounds}.
 */
@ConfigurationProperties("permanence.documents")
public record DocumentProperties(
        DataSize maxSize,
        int maxPages,
        int maxTextChars,
        int textPages,
        Duration readTimeout,
        int minTextChars,
        int ocrPages,
        int ocrDpi,
        String ocrLanguages,
        String tesseract,
        Duration ocrPageTimeout,
        double defaultThreshold,
        double clientExampleWeight,
        Path inbox,
        Duration inboxPoll,
        String publicBaseUrl,
        Bounds bounds) {

    /**
     * What reading one document may cost, checked before the costly work. An image or a PDF image
     * of more than {@code maxPagePixels} pixels is not decoded; a PDF page wider or taller than
     * {@code maxPageSideCm} is not drawn, and a smaller one is drawn at a lower resolution when
     * {@code ocrDpi} would give it more than {@code maxPagePixels}. One PDF stream, or all the parts
     * of a zipped document (docx, xlsx, odt…) together, may unpack to {@code maxUnpackedSize}; a
     * zipped part unpacking past 1 MB may do so at most {@code maxUnpackedRatio} times its packed
     * size, and a zipped document has at most {@code maxZipEntries} parts. Tesseract runs with at most
     * {@code ocrMemory} of address space.
     */
    public record Bounds(long maxPagePixels, int maxPageSideCm, DataSize maxUnpackedSize, int maxUnpackedRatio, int maxZipEntries,
                         DataSize ocrMemory) {

        /** The defaults of {@code application.yaml}, for settings that leave the bounds out. */
        public static final Bounds DEFAULTS = new Bounds(40_000_000, 120, DataSize.ofMegabytes(100), 30, 1000, DataSize.ofGigabytes(1));

        public Bounds {
            if (maxPagePixels < 1_000_000 || maxPageSideCm < 1 || maxUnpackedRatio < 1 || maxZipEntries < 1) {
                throw new IllegalArgumentException("permanence.documents.bounds: max-page-pixels must be 1000000 or more,"
                        + " max-page-side-cm, max-unpacked-ratio and max-zip-entries 1 or more");
            }
        }
    }

    public DocumentProperties {
        bounds = bounds == null ? Bounds.DEFAULTS : bounds;
        if (maxPages < 1 || ocrPages < 1 || ocrDpi < 72) {
            throw new IllegalArgumentException("permanence.documents: max-pages and ocr-pages must be 1 or more, ocr-dpi 72 or more");
        }
        if (defaultThreshold < 0 || defaultThreshold > 1) {
            throw new IllegalArgumentException("permanence.documents.default-threshold is a confidence between 0 and 1, not " + defaultThreshold);
        }
    }

}
