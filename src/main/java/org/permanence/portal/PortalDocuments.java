package org.permanence.portal;

import java.util.List;
import java.util.Optional;

import org.permanence.documents.DocumentRecords;
import org.permanence.documents.StoredDocument;
import org.permanence.storage.ObjectStorage;
import org.permanence.system.EngineNode;
import org.permanence.system.PersonalDataRead;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * A client's documents as its people see them in the portal: those filed (downloadable, as filed), and those still
 * awaiting classification (named only). A document of another client is none of theirs, answered as absent. A
 * download is a read of personal data: the access log records it like a secretary's.
 */
@Component
@EngineNode
class PortalDocuments {

    /** The portal lists the newest; the secretariat finds older ones. */
    static final int LISTED = 100;

    private final DocumentRecords records;
    private final ObjectStorage objects;
    private final ApplicationEventPublisher events;

    PortalDocuments(DocumentRecords records, ObjectStorage objects, ApplicationEventPublisher events) {
        this.records = records;
        this.objects = objects;
        this.events = events;
    }

    record Download(String name, MediaType mediaType, byte[] bytes) {
    }

    List<StoredDocument> filed(String clientId) {
        return records.ofClient(clientId).stream().filter(PortalDocuments::filed).limit(LISTED).toList();
    }

    List<StoredDocument> awaitingClassification(String clientId) {
        return records.ofClient(clientId).stream().filter(document -> !filed(document)).limit(LISTED).toList();
    }

    Optional<Download> download(String clientId, String documentId, String reader) {
        Optional<StoredDocument> found = records.find(documentId)
                .filter(document -> clientId.equals(document.clientId()) && filed(document));
        return found.flatMap(document -> objects.get(document.filedKey()).map(bytes -> {
            events.publishEvent(new PersonalDataRead(reader, clientId, PersonalDataRead.Item.DOCUMENT, documentId, PersonalDataRead.Way.PAGE));
            return new Download(document.originalName(), mediaType(document), bytes);
        }));
    }

    private static boolean filed(StoredDocument document) {
        return StoredDocument.FILED.equals(document.status()) && document.filedKey() != null;
    }

    private static MediaType mediaType(StoredDocument document) {
        try {
            return document.mediaType() == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(document.mediaType());
        } catch (IllegalArgumentException unreadable) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
