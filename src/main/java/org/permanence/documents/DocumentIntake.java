package org.permanence.documents;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.permanence.clients.ClientRepository;
import org.permanence.links.LinkProperties;
import org.permanence.storage.ObjectStorage;
import org.permanence.system.EngineNode;
import org.permanence.system.FieldProblem;
import org.permanence.system.InvalidRequest;
import org.permanence.system.PlainText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Where every document comes in, whatever brought it (upload, mail, watched folder): the original is
 * stored first, under a key made of ids; then its row; then its process starts. The same bytes sent
 * again for the same client are linked to the first document and not worked twice.
 */
@Service
@EngineNode
public class DocumentIntake {

    private static final Logger log = LoggerFactory.getLogger(DocumentIntake.class);

    public enum Source { UPLOAD, MAIL, FOLDER, LINK }

    /** What became of a document handed in: its id, whether it was a copy, and its real type. */
    public record Receipt(String documentId, boolean copy, String mediaType, String originalName) {
    }

    private final ObjectStorage objects;
    private final DocumentRecords records;
    private final ClientRepository clients;
    private final DocumentReader reader;
    private final DocumentProperties properties;
    private final ClassificationStart start;
    private final LinkProperties links;

    DocumentIntake(ObjectStorage objects, DocumentRecords records, ClientRepository clients, DocumentReader reader,
                   DocumentProperties properties, ClassificationStart start, LinkProperties links) {
        this.objects = objects;
        this.records = records;
        this.clients = clients;
        this.reader = reader;
        this.properties = properties;
        this.start = start;
        this.links = links;
    }

    /**
     * Camunda Forms show an image only from an absolute address: the office's configured public one (the
     * documents' own, else the links'), never one taken from the request, whose Host header anyone writes.
     */
    private String previewUrl(String documentId) {
        String base = properties.publicBaseUrl();
        String path = "/api/documents/" + documentId + "/preview";
        return base == null || base.isBlank() ? links.at(path) : base.replaceAll("/+$", "") + path;
    }

    public Receipt receive(String clientId, String sentName, byte[] content, Source source, String receivedBy) {
        if (content.length > properties.maxSize().toBytes()) {
            throw new InvalidRequest(List.of(FieldProblem.of("file", "document.file.tooLarge", "the file has " + content.length
                    + " bytes; the most a document may have is " + properties.maxSize().toBytes(), content.length, properties.maxSize().toBytes())));
        }
        return take(clientId, sentName, content, source, receivedBy, null);
    }

    /**
     * Something that came in but will not be read (a mail that cannot be taken apart, or too large;
     * an attachment refused): kept and recorded as any document, whatever its size, then its process
     * hands it straight to a secretary with {@code reason}. Nothing is dropped unseen.
     */
    public Receipt setAside(String clientId, String sentName, byte[] content, Source source, String receivedBy, String reason) {
        return take(clientId, sentName, content, source, receivedBy, reason);
    }

    private Receipt take(String clientId, String sentName, byte[] content, Source source, String receivedBy, String setAsideBecause) {
        if (!clients.exists(clientId)) {
            throw new InvalidRequest(List.of(FieldProblem.of("client", "client.unknown", "unknown client '" + clientId + "'", clientId)));
        }
        if (content.length == 0 && setAsideBecause == null) {
            throw new InvalidRequest(List.of(FieldProblem.of("file", "document.file.empty", "the file is empty")));
        }
        String name = FileNames.clean(sentName);
        String documentId = UUID.randomUUID().toString();
        String mediaType = reader.detect(content).toString();
        String key = DocumentObjects.original(clientId, documentId);
        objects.put(key, content, mediaType);
        DocumentRecords.Received received = records.insert(documentId, clientId, ContentHash.of(content), name, content.length,
                source.name(), receivedBy, Instant.now());
        if (received.copy()) {
            // the first copy's original is the one kept
            objects.delete(key);
            log.info("Document {} for client {} ({}) is a copy of document {}: linked, not worked again", documentId, clientId, PlainText.forLog(name),
                    received.documentId());
            return new Receipt(received.documentId(), true, mediaType, name);
        }
        if (setAsideBecause != null) {
            records.markSetAside(documentId, mediaType, setAsideBecause);
        }
        start.start(clientId, documentId, name, previewUrl(documentId));
        return new Receipt(documentId, false, mediaType, name);
    }
}
