package org.permanence.documents;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.permanence.clients.Client;
import org.permanence.clients.ClientRepository;
import org.permanence.storage.ObjectStorage;
import org.permanence.system.FieldProblem;
import org.permanence.system.InvalidRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A secretary re-classifies a filed document: its file moves to the new category's place, the row
 * and its history ({@code document_correction}) say who changed what and when, and the client's
 * model learns from the correction in the background (the document now counts as her answer). The
 * caller has checked that she serves the document's client.
 */
@Service
public class DocumentCorrection {

    private static final Logger log = LoggerFactory.getLogger(DocumentCorrection.class);

    private final DocumentRecords records;
    private final ObjectStorage objects;
    private final ClientRepository clients;
    private final DocumentFiling filing;
    private final ClientModels models;

    DocumentCorrection(DocumentRecords records, ObjectStorage objects, ClientRepository clients, DocumentFiling filing, ClientModels models) {
        this.records = records;
        this.objects = objects;
        this.clients = clients;
        this.filing = filing;
        this.models = models;
    }

    /** Files {@code document} under {@code category} instead, in the name of {@code by}; answers the document as it is now. */
    public StoredDocument correct(StoredDocument document, String category, String by) {
        if (!StoredDocument.FILED.equals(document.status())) {
            throw new InvalidRequest(List.of(FieldProblem.of("documentId", "document.correction.notFiled",
                    "the document is not filed yet: classify it in its task")));
        }
        Client client = clients.findById(document.clientId())
                .orElseThrow(() -> new IllegalStateException("client " + document.clientId() + " of document " + document.id() + " is unknown"));
        Set<String> known = filing.knownCategories(client);
        if (category == null || !known.contains(category)) {
            throw new InvalidRequest(List.of(FieldProblem.of("category", "document.category.unknown",
                    "\"" + category + "\" is not a category of " + client.name() + "; choose among " + known, category, client.name(),
                    String.join(", ", known))));
        }
        if (category.equals(document.category())) {
            return document;
        }
        String to = DocumentFiling.place(client, document, category);
        byte[] original = objects.get(document.filedKey())
                .orElseThrow(() -> new IllegalStateException("the filed copy of document " + document.id() + " is missing from object storage"));
        objects.put(to, original, document.mediaType() == null ? "application/octet-stream" : document.mediaType());
        if (!records.recordCorrection(document, category, to, by, Instant.now())) {
            if (!to.equals(records.get(document.id()).filedKey())) {
                // the other secretary's choice may be the same place: her file stays
                objects.delete(to);
            }
            throw new InvalidRequest(List.of(FieldProblem.of("category", "document.correction.changed",
                    "someone else changed this document meanwhile: reload the page")));
        }
        objects.delete(document.filedKey());
        log.info("Document {} of client {} re-classified from {} to {} by {}", document.id(), client.id(), document.category(), category, by);
        models.retrainLater(client.id());
        return records.get(document.id());
    }
}
