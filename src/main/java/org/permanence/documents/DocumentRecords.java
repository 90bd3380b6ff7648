package org.permanence.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.permanence.clients.OtherClientsReference;
import org.springframework.dao.DuplicateKeyException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The document tables: one row per distinct content and client, its copies, and what became of it. */
@Repository
public class DocumentRecords {

    private static final String COLUMNS = """
            id, client_id, content_hash, original_name, size_bytes, source, received_by, status, media_type, category, confidence,
            model_version, classified_by, filed_key, received_at, document_date, sender, filed_at, e_invoice""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    DocumentRecords(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * A new row, or the existing one the same bytes made earlier for this client (then a copy is
     * recorded). The unique key decides, so two copies arriving at once still make one document.
     * Runs outside any transaction: on PostgreSQL a failed insert would spoil the one around it.
     */
    public Received insert(String id, String clientId, String contentHash, String originalName, long size, String source,
                           String receivedBy, Instant at) {
        try {
            jdbc.sql("""
                            insert into document (id, client_id, content_hash, original_name, size_bytes, source, received_by, status, received_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, clientId, contentHash, originalName, size, source, receivedBy, StoredDocument.RECEIVED, Timestamp.from(at))
                    .update();
            return new Received(id, false);
        } catch (DuplicateKeyException sameContent) {
            String first = jdbc.sql("select id from document where client_id = ? and content_hash = ?")
                    .params(clientId, contentHash).query(String.class).single();
            jdbc.sql("insert into document_copy (id, document_id, original_name, source, received_by, received_at) values (?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID().toString(), first, originalName, source, receivedBy, Timestamp.from(at)).update();
            return new Received(first, true);
        }
    }

    /** Which row the document is, and whether it is a copy of one received before. */
    public record Received(String documentId, boolean copy) {
    }

    public Optional<StoredDocument> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from document where id = ?").param(id).query(this::row).optional();
    }

    /** A document the process knows of: its row must be there. */
    public StoredDocument get(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException("document " + id + " has no row"));
    }

    /** The document a case of client {@code clientId} refers to, which must be that client's. */
    public StoredDocument getOfClient(String clientId, String id) {
        StoredDocument document = get(id);
        if (clientId == null || !clientId.equals(document.clientId())) {
            throw new OtherClientsReference("document " + id + " is not a document of the case's client " + clientId);
        }
        return document;
    }

    public List<StoredDocument> ofClient(String clientId) {
        return jdbc.sql("select " + COLUMNS + " from document where client_id = ? order by received_at desc")
                .param(clientId).query(this::row).list();
    }

    public int copies(String documentId) {
        return jdbc.sql("select count(*) from document_copy where document_id = ?").param(documentId).query(Integer.class).single();
    }

    public void markRead(String id, Reading reading, KeyFields fields) {
        jdbc.sql("""
                        update document set status = ?, media_type = ?, pages = ?, ocr_pages = ?, document_date = ?, amount = ?,
                          sender = ?, invoice_number = ?, e_invoice = ? where id = ?""")
                .params(StoredDocument.READ, reading.mediaType(), reading.pages(), reading.ocrPages(),
                        fields.date() == null ? null : Date.valueOf(fields.date()), cut(fields.amount(), 40), cut(fields.sender(), 200),
                        cut(fields.invoiceNumber(), 60), reading.eInvoice() == null ? null : toJson(reading.eInvoice()), id)
                .update();
    }

    /** The e-invoice read in the document's XML, when it had one. */
    public Optional<EInvoice> eInvoice(String id) {
        return jdbc.sql("select e_invoice from document where id = ? and e_invoice is not null").param(id).query(String.class).optional()
                .map(this::fromJson);
    }

    public void markUnreadable(String id, Reading reading) {
        markSetAside(id, reading.mediaType(), reading.reason());
    }

    /** A document kept without being read: its process sends it to a secretary with this reason. */
    public void markSetAside(String id, String mediaType, String reason) {
        jdbc.sql("update document set status = ?, media_type = ?, unreadable_reason = ? where id = ?")
                .params(StoredDocument.UNREADABLE, mediaType, cut(reason, 1000), id).update();
    }

    /** Why the document was not read, when it was set aside or found unreadable. */
    public Optional<String> unreadableReason(String id) {
        return jdbc.sql("select unreadable_reason from document where id = ? and status = ?").params(id, StoredDocument.UNREADABLE)
                .query(String.class).optional();
    }

    public void recordSuggestion(String id, Suggestion suggestion) {
        jdbc.sql("update document set category = ?, confidence = ?, model_version = ? where id = ?")
                .params(suggestion.category(), BigDecimal.valueOf(suggestion.confidence()).setScale(4, RoundingMode.HALF_UP),
                        suggestion.modelVersion(), id)
                .update();
    }

    public void markFiled(String id, String category, String classifiedBy, String filedKey, Instant at) {
        jdbc.sql("update document set status = ?, category = ?, classified_by = ?, filed_key = ?, filed_at = ? where id = ?")
                .params(StoredDocument.FILED, category, classifiedBy, filedKey, Timestamp.from(at), id).update();
    }

    /**
     * Re-classifies a filed document and keeps who did it: false, changing nothing, when the document is
     * no longer filed as {@code from} says (another secretary corrected it meanwhile).
     */
    @Transactional
    public boolean recordCorrection(StoredDocument from, String toCategory, String toKey, String by, Instant at) {
        int changed = jdbc.sql("update document set category = ?, classified_by = ?, filed_key = ? where id = ? and status = ? and filed_key = ?")
                .params(toCategory, by, toKey, from.id(), StoredDocument.FILED, from.filedKey()).update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("""
                        insert into document_correction (id, document_id, client_id, from_category, to_category, from_classified_by, from_key,
                          to_key, corrected_by, corrected_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID().toString(), from.id(), from.clientId(), from.category(), toCategory, from.classifiedBy(),
                        from.filedKey(), toKey, by, Timestamp.from(at))
                .update();
        return true;
    }

    /** A document's re-classifications, oldest first. */
    public List<Correction> corrections(String documentId) {
        return jdbc.sql("""
                        select from_category, to_category, from_classified_by, corrected_by, corrected_at from document_correction
                        where document_id = ? order by corrected_at, id""")
                .param(documentId)
                .query((rs, n) -> new Correction(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** One re-classification: from which category (and who had filed it there) to which, by whom, when. */
    public record Correction(String fromCategory, String toCategory, String fromClassifiedBy, String correctedBy, Instant correctedAt) {
    }

    /** The client's documents a secretary classified: what its model learns from. */
    public List<StoredDocument> classifiedBySecretaries(String clientId) {
        return jdbc.sql("select " + COLUMNS + " from document where client_id = ? and status = ? and classified_by <> ? order by received_at")
                .params(clientId, StoredDocument.FILED, StoredDocument.BY_MODEL).query(this::row).list();
    }

    /** How many documents of the client a secretary filed: what its model should have learnt from, counted in the database. */
    public int countClassifiedBySecretaries(String clientId) {
        return jdbc.sql("select count(*) from document where client_id = ? and status = ? and classified_by <> ?")
                .params(clientId, StoredDocument.FILED, StoredDocument.BY_MODEL).query(Integer.class).single();
    }

    private StoredDocument row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StoredDocument(rs.getString("id"), rs.getString("client_id"), rs.getString("content_hash"), rs.getString("original_name"),
                rs.getLong("size_bytes"), rs.getString("source"), rs.getString("received_by"), rs.getString("status"),
                rs.getString("media_type"), rs.getString("category"), rs.getBigDecimal("confidence"), rs.getString("model_version"),
                rs.getString("classified_by"), rs.getString("filed_key"), rs.getTimestamp("received_at").toInstant(),
                rs.getDate("document_date") == null ? null : rs.getDate("document_date").toLocalDate(), rs.getString("sender"),
                rs.getTimestamp("filed_at") == null ? null : rs.getTimestamp("filed_at").toInstant(),
                rs.getString("e_invoice") == null ? null : fromJson(rs.getString("e_invoice")));
    }

    /** At most 200 characters a name and 20 VAT lines ({@link EInvoices}): well within the column's 8000. */
    private String toJson(EInvoice invoice) {
        try {
            return json.writeValueAsString(invoice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an e-invoice always writes as JSON", e);
        }
    }

    private EInvoice fromJson(String text) {
        try {
            return json.readValue(text, EInvoice.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the e_invoice column holds what toJson wrote", e);
        }
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
