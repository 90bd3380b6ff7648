package org.permanence.documents;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.permanence.storage.ObjectStorage;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The extract step: reads the stored original, keeps its text and preview beside it, notes its key
 * fields; or, when it cannot be read, records why and says so with {@link DocumentUnreadable}.
 * Safe to run again: the same bytes give the same text, preview and row.
 */
@Service
public class DocumentReading {

    /** What a form shows of the text: a process variable holds at most 4000 characters. */
    static final int EXCERPT_CHARS = 3000;

    private final DocumentRecords records;
    private final ObjectStorage objects;
    private final DocumentReader reader;
    private final MessageSource texts;

    DocumentReading(DocumentRecords records, ObjectStorage objects, DocumentReader reader, MessageSource texts) {
        this.records = records;
        this.objects = objects;
        this.reader = reader;
        this.texts = texts;
    }

    /** Reads document {@code documentId} for a case of client {@code clientId}: only that client's own. */
    public Map<String, Object> read(String clientId, String documentId) {
        StoredDocument document = records.getOfClient(clientId, documentId);
        if (StoredDocument.UNREADABLE.equals(document.status())) {
            // set aside at intake (or found unreadable by an earlier try): the same reason, without opening it again
            throw new DocumentUnreadable(Reading.Outcome.SET_ASIDE, records.unreadableReason(documentId).orElse(""));
        }
        byte[] original = objects.get(DocumentObjects.original(document.clientId(), documentId))
                .orElseThrow(() -> new IllegalStateException("the original of document " + documentId + " is missing from object storage"));
        Reading reading = reader.read(original);
        if (!reading.isRead()) {
            records.markUnreadable(documentId, reading);
            throw new DocumentUnreadable(reading.outcome(), reading.reason());
        }
        objects.put(DocumentObjects.text(document.clientId(), documentId), reading.text().getBytes(StandardCharsets.UTF_8),
                "text/plain; charset=utf-8");
        if (reading.preview() != null) {
            objects.put(DocumentObjects.preview(document.clientId(), documentId), reading.preview(), "image/png");
        }
        KeyFields fields = KeyFields.of(reading);
        records.markRead(documentId, reading, fields);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("mediaType", reading.mediaType());
        variables.put("pages", reading.pages());
        variables.put("ocrPages", reading.ocrPages());
        variables.put("textExcerpt", excerpt(reading.text()));
        variables.put("documentDate", fields.date() == null ? "" : fields.date().toString());
        variables.put("amount", fields.amount() == null ? "" : fields.amount());
        variables.put("sender", fields.sender() == null ? "" : fields.sender());
        variables.put("invoiceNumber", fields.invoiceNumber() == null ? "" : fields.invoiceNumber());
        variables.put("eInvoice", reading.eInvoice() == null ? "" : summary(reading.eInvoice()));
        return variables;
    }

    /** The e-invoice in one line of the office's language, for the secretary's task form. */
    private String summary(EInvoice invoice) {
        return texts.getMessage("document.eInvoice.summary", new Object[] {shown(invoice.number()), shown(invoice.issued()),
                shown(invoice.seller()), shown(invoice.buyer()), shown(invoice.netTotal()), shown(invoice.vatTotal()),
                shown(invoice.grandTotal()), shown(invoice.currency())}, Locale.FRENCH);
    }

    private static String shown(Object value) {
        return value == null ? "?" : value instanceof BigDecimal amount ? amount.toPlainString() : value.toString();
    }

    private static String excerpt(String text) {
        String tidy = text.replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll("\\n\\s*\\n+", "\n").strip();
        return tidy.length() <= EXCERPT_CHARS ? tidy : tidy.substring(0, EXCERPT_CHARS) + " …";
    }
}
