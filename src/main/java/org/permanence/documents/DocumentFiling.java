package org.permanence.documents;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;

import org.permanence.clients.Client;
import org.permanence.clients.ClientRepository;
import org.permanence.mail.ClientMail;
import org.permanence.notifications.Notifications;
import org.permanence.storage.ObjectStorage;
import org.springframework.stereotype.Service;

/**
 * The file step: the original goes under {@code filed/<client>/<category>/<year>/}, the row says
 * who decided, the client is told when its rules ask for that category, and a secretary's answer
 * is learnt by the client's model in the background. Safe to run again: nothing is filed or
 * mailed twice.
 */
@Service
public class DocumentFiling {

    private final DocumentRecords records;
    private final ObjectStorage objects;
    private final ClientRepository clients;
    private final ClientModels models;
    private final Notifications notifications;

    DocumentFiling(DocumentRecords records, ObjectStorage objects, ClientRepository clients, ClientModels models,
                   Notifications notifications) {
        this.records = records;
        this.objects = objects;
        this.clients = clients;
        this.models = models;
        this.notifications = notifications;
    }

    /** Files the document of a case of client {@code clientId} (only that client's own); {@code classifiedBy} is the secretary who chose, or {@link StoredDocument#BY_MODEL}. */
    public String file(String clientId, String documentId, String category, String classifiedBy) {
        StoredDocument document = records.getOfClient(clientId, documentId);
        Client client = clients.findById(document.clientId())
                .orElseThrow(() -> new IllegalStateException("client " + document.clientId() + " of document " + documentId + " is unknown"));
        Set<String> known = knownCategories(client);
        if (category == null || !known.contains(category)) {
            throw new UnknownCategory("« " + category + " » n'est pas une catégorie de " + client.name() + " ; choisir parmi " + known);
        }
        String key = place(client, document, category);
        byte[] original = objects.get(DocumentObjects.original(client.id(), documentId))
                .orElseThrow(() -> new IllegalStateException("the original of document " + documentId + " is missing from object storage"));
        objects.put(key, original, document.mediaType() == null ? "application/octet-stream" : document.mediaType());
        records.markFiled(documentId, category, classifiedBy, key, Instant.now());
        if (client.contactRules().notifyDocumentCategories().contains(category)) {
            notifications.sendOnce("document-filed:" + documentId, new ClientMail(client.id(), client.contactRules().email(),
                    "Nouveau document : " + categoryName(client, category),
                    "Bonjour,\n\nNous avons reçu et classé pour vous le document « " + document.originalName() + " » ("
                            + categoryName(client, category) + ").\n\nVotre secrétariat"));
        }
        if (!StoredDocument.BY_MODEL.equals(classifiedBy)) {
            models.retrainLater(client.id());
        }
        return key;
    }

    /** Where a document of the client is filed under {@code category}: the year it was received, on the client's clock. */
    static String place(Client client, StoredDocument document, String category) {
        int year = document.receivedAt().atZone(ZoneId.of(client.timeZone())).getYear();
        return DocumentObjects.filed(client.id(), category, year, document.id(), document.mediaType());
    }

    /** The client's own categories, and those its model already knows (the shared ones). */
    public Set<String> knownCategories(Client client) {
        Set<String> known = new TreeSet<>(client.documentCategories().stream().map(Client.DocumentCategory::code).toList());
        known.addAll(models.categories(client.id()));
        return known;
    }

    private static String categoryName(Client client, String category) {
        return client.documentCategories().stream().filter(c -> c.code().equals(category)).map(Client.DocumentCategory::name)
                .findFirst().orElse(category);
    }

    /** A category the secretary typed that the client does not have: she is asked again. */
    public static class UnknownCategory extends RuntimeException {
        public UnknownCategory(String message) {
            super(message);
        }
    }
}
