package org.permanence.documents;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A document as its row says it is now: who sent it, how far it went (received, read, filed), who
 * or what filed it, the date and sender read in it, and the invoice its XML states when it is a
 * Factur-X or ZUGFeRD PDF ({@code eInvoice}, else null).
 */
public record StoredDocument(String id, String clientId, String contentHash, String originalName, long sizeBytes, String source,
                             String receivedBy, String status, String mediaType, String category, BigDecimal confidence,
                             String modelVersion, String classifiedBy, String filedKey, Instant receivedAt, LocalDate documentDate,
                             String sender, Instant filedAt, EInvoice eInvoice) {

    public static final String RECEIVED = "RECEIVED";
    public static final String READ = "READ";
    public static final String UNREADABLE = "UNREADABLE";
    public static final String FILED = "FILED";
    /** Who classified a document filed on the model's word alone. */
    public static final String BY_MODEL = "model";
}
