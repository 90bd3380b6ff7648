package org.permanence.documents;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.permanence.clients.Client;
import org.permanence.clients.ClientRepository;
import org.permanence.system.EngineNode;
import org.permanence.system.FieldProblem;
import org.permanence.system.FormOption;
import org.permanence.system.InvalidRequest;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Someone who serves the client doubts a filing and has it checked: a *Vérifier le classement* task
 * for the client's secretaries (document-review.bpmn), showing where the document is and who or what
 * put it there, its category preselected; her choice goes through {@link DocumentCorrection} in her name.
 */
@Service
@EngineNode
public class DocumentReviews {

    private final ClientRepository clients;
    private final ReviewStart start;
    private final MessageSource texts;

    DocumentReviews(ClientRepository clients, ReviewStart start, MessageSource texts) {
        this.clients = clients;
        this.start = start;
        this.texts = texts;
    }

    /** Asks the client's secretaries to check where {@code document} is filed, in the name of {@code requestedBy}. */
    public ReviewStart.Review ask(StoredDocument document, String requestedBy) {
        if (!StoredDocument.FILED.equals(document.status())) {
            throw new InvalidRequest(List.of(FieldProblem.of("documentId", "document.correction.notFiled",
                    "the document is not filed yet: classify it in its task")));
        }
        Client client = clients.findById(document.clientId())
                .orElseThrow(() -> new IllegalStateException("client " + document.clientId() + " of document " + document.id() + " is unknown"));
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("documentId", document.id());
        variables.put("originalName", document.originalName());
        variables.put("previewUrl", "/api/documents/" + document.id() + "/preview");
        // the form's select starts on where the document is: keeping it is one click
        variables.put("category", document.category());
        variables.put("filedAs", nameOf(client, document.category()) + " — " + filedBy(document));
        variables.put("requestedBy", requestedBy);
        variables.put("categoryOptions", client.documentCategories().stream().map(c -> new FormOption(c.name(), c.code())).toList());
        return start.start(client.id(), document.id(), variables);
    }

    private static String nameOf(Client client, String category) {
        return client.documentCategories().stream().filter(c -> c.code().equals(category)).map(Client.DocumentCategory::name)
                .findFirst().orElse(category);
    }

    /** Said as the documents page says it (i18n/documents): the forms are in French. */
    private String filedBy(StoredDocument document) {
        if (StoredDocument.BY_MODEL.equals(document.classifiedBy())) {
            BigDecimal confidence = document.confidence();
            NumberFormat twoDecimals = NumberFormat.getNumberInstance(Locale.FRENCH);
            twoDecimals.setMinimumFractionDigits(2);
            twoDecimals.setMaximumFractionDigits(2);
            return texts.getMessage("filedBy.model", new Object[]{confidence == null ? "" : twoDecimals.format(confidence)}, Locale.FRENCH);
        }
        return texts.getMessage("filedBy.person", new Object[]{document.classifiedBy()}, Locale.FRENCH);
    }
}
