package org.permanence.documents;

/**
 * What reading a document gave: its real type (judged from the bytes), its text, how many pages,
 * how many of them OCR read, and a first-page preview; or, when it could not be read, the outcome
 * and a reason a secretary understands. A document is never retried for a reason that will not change.
 * A Factur-X or ZUGFeRD PDF also gives its {@link EInvoice} (null otherwise).
 */
public record Reading(Outcome outcome, String mediaType, String text, int pages, int ocrPages, boolean ocrCached, byte[] preview,
        String reason, EInvoice eInvoice) {

    public enum Outcome {
        READ, EMPTY, TOO_LARGE, TOO_MANY_PAGES, ENCRYPTED, CORRUPT, UNSUPPORTED, SUSPICIOUS, TIMED_OUT, NO_TEXT,
        /** Not opened: set aside when it came in (a mail that could not be taken apart), or found unreadable before. */
        SET_ASIDE
    }

    static Reading read(String mediaType, String text, int pages, int ocrPages, boolean ocrCached, byte[] preview) {
        return new Reading(Outcome.READ, mediaType, text, pages, ocrPages, ocrCached, preview, null, null);
    }

    Reading withEInvoice(EInvoice invoice) {
        return new Reading(outcome, mediaType, text, pages, ocrPages, ocrCached, preview, reason, invoice);
    }

    static Reading refused(Outcome outcome, String mediaType, String reason) {
        return new Reading(outcome, mediaType, "", 0, 0, false, null, reason, null);
    }

    public boolean isRead() {
        return outcome == Outcome.READ;
    }

    public boolean usedOcr() {
        return ocrPages > 0;
    }
}
