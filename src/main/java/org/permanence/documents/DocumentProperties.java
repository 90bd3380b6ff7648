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
 * read by OCR ({@code ocrPages} first pages at {@code ocrDpi}). {@code corpus} is the shared
 * labelled corpus the base model learns from, when it is there (relative paths from the working
 * directory; a String, as Spring's conversion to {@code Path} refuses one starting with {@code ../}). Files dropped in {@code inbox/<client id>/} are taken in every {@code inboxPoll}.
 * {@code publicBaseUrl} is the address browsers reach the office at, for the preview in the task form
 * (empty: {@code permanence.links.public-base-url}; never the address a request names in its Host header).
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
        String corpus,
        double defaultThreshold,
        double clientExampleWeight,
        Path inbox,
        Duration inboxPoll,
        String publicBaseUrl) {

    public DocumentProperties {
        if (maxPages < 1 || ocrPages < 1 || ocrDpi < 72) {
            throw new IllegalArgumentException("permanence.documents: max-pages and ocr-pages must be 1 or more, ocr-dpi 72 or more");
        }
        if (defaultThreshold < 0 || defaultThreshold > 1) {
            throw new IllegalArgumentException("permanence.documents.default-threshold is a confidence between 0 and 1, not " + defaultThreshold);
        }
    }

    public Path corpusFolder() {
        return Path.of(corpus);
    }
}
