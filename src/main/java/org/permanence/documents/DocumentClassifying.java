package org.permanence.documents;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.permanence.clients.Client;
import org.permanence.clients.ClientRepository;
import org.permanence.storage.ObjectStorage;
import org.permanence.system.FormOption;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The classify step: the client's model suggests a category; when {@link AutomaticFiling} allows it
 * (a model that has learnt enough, a document like those it learnt from, a calibrated confidence at
 * or above the client's threshold, one of the client's own categories) the document is filed on that
 * word; otherwise a secretary is asked with the suggestion, the other candidates and why she is
 * asked ({@code askedBecause}). The model version is recorded with the document.
 * A Factur-X or ZUGFeRD invoice says itself what it is: filed as {@link EInvoice#CATEGORY}
 * with confidence 1, whatever the model thinks, when the client has that category.
 */
@Service
public class DocumentClassifying {

    private final DocumentRecords records;
    private final ObjectStorage objects;
    private final ClientModels models;
    private final ClientRepository clients;
    private final MessageSource texts;

    DocumentClassifying(DocumentRecords records, ObjectStorage objects, ClientModels models, ClientRepository clients, MessageSource texts) {
        this.records = records;
        this.objects = objects;
        this.models = models;
        this.clients = clients;
        this.texts = texts;
    }

    /** Classifies document {@code documentId} for a case of client {@code clientId}: only that client's own. */
    public Map<String, Object> classify(String clientId, String documentId) {
        StoredDocument document = records.getOfClient(clientId, documentId);
        Client client = clients.findById(document.clientId())
                .orElseThrow(() -> new IllegalStateException("client " + document.clientId() + " of document " + documentId + " is unknown"));
        if (document.eInvoice() != null) {
            return byEInvoice(client, documentId);
        }
        String text = objects.get(DocumentObjects.text(document.clientId(), documentId))
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElseThrow(() -> new IllegalStateException("the text of document " + documentId + " is missing: read it first"));
        Suggestion suggestion = models.suggest(document.clientId(), text);
        if (suggestion.category() != null) {
            records.recordSuggestion(documentId, suggestion);
        }
        double threshold = client.classificationThreshold().doubleValue();
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("category", suggestion.category() == null ? "" : suggestion.category());
        variables.put("confidence", suggestion.confidence());
        // only into a category the client has (a shared one is a suggestion for the secretary), and never on the confidence alone
        AutomaticFiling.Verdict verdict = AutomaticFiling.judge(suggestion,
                client.documentCategories().stream().map(Client.DocumentCategory::code).toList(), threshold);
        variables.put("confident", verdict == AutomaticFiling.Verdict.FILE);
        variables.put("askedBecause", verdict.name());
        variables.put("modelVersion", suggestion.modelVersion());
        variables.put("suggestion", suggestion.category() == null ? "aucune (pas encore de modèle)"
                : suggestion.category() + " (" + percent(suggestion.confidence()) + ")");
        variables.put("alternatives", suggestion.alternatives().stream().limit(4)
                .map(a -> a.category() + " (" + percent(a.confidence()) + ")").collect(Collectors.joining(", ")));
        putCategories(variables, client);
        return variables;
    }

    /** The invoice's own XML is certain: no model asked, and who filed it says so ({@link EInvoice#CLASSIFIED_BY}). */
    private Map<String, Object> byEInvoice(Client client, String documentId) {
        records.recordSuggestion(documentId, new Suggestion(EInvoice.CATEGORY, 1.0, List.of(), EInvoice.CLASSIFIED_BY, true, Map.of()));
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("category", EInvoice.CATEGORY);
        variables.put("confidence", 1.0);
        variables.put("confident", client.documentCategories().stream().anyMatch(c -> c.code().equals(EInvoice.CATEGORY)));
        variables.put("classifiedBy", EInvoice.CLASSIFIED_BY);
        variables.put("modelVersion", EInvoice.CLASSIFIED_BY);
        variables.put("suggestion", texts.getMessage("document.eInvoice.suggestion", null, Locale.FRENCH));
        variables.put("alternatives", "");
        putCategories(variables, client);
        return variables;
    }

    private static void putCategories(Map<String, Object> variables, Client client) {
        variables.put("clientCategories", client.documentCategories().stream()
                .map(c -> c.code() + " (" + c.name() + ")").collect(Collectors.joining(", ")));
        // what the secretary picks from (forms/classify-document.form): only a category the client has can be filed
        variables.put("categoryOptions", client.documentCategories().stream().map(c -> new FormOption(c.name(), c.code())).toList());
    }

    private static String percent(double confidence) {
        return String.format(Locale.FRANCE, "%.0f %%", confidence * 100);
    }
}
