package org.permanence.privacy.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.permanence.documents.ClientModels;
import org.permanence.mail.EmbeddedMailServer;
import org.permanence.mail.StoredMail;
import org.permanence.privacy.CallerRecords;
import org.permanence.privacy.OcrCachePruning;
import org.permanence.storage.ObjectStorage;
import org.permanence.system.EngineNode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Removing what the purge and an erasure remove, wherever it lives besides the application's tables:
 * the engine's cases (running ones ended with a reason, then their history), stored objects, the OCR
 * cache, the client's document classifier and the embedded mail server's messages.
 */
@Component
@EngineNode
public class Forgetting {

    private final JdbcClient jdbc;
    private final ObjectStorage objects;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final OcrCachePruning ocrCache;
    private final ClientModels models;
    private final ObjectProvider<EmbeddedMailServer> mailServer;

    Forgetting(JdbcClient jdbc, ObjectStorage objects, RuntimeService runtime, HistoryService history, OcrCachePruning ocrCache, ClientModels models,
               ObjectProvider<EmbeddedMailServer> mailServer) {
        this.jdbc = jdbc;
        this.objects = objects;
        this.runtime = runtime;
        this.history = history;
        this.ocrCache = ocrCache;
        this.models = models;
        this.mailServer = mailServer;
    }

    public record Cases(int ended, int forgotten) {
    }

    /** Which of these cases still run (a set that may be asked about a record without a case: null). */
    public Set<String> running(Collection<String> caseIds) {
        Set<String> running = new HashSet<>();
        if (caseIds.isEmpty()) {
            return running;
        }
        runtime.createProcessInstanceQuery().processInstanceIds(new HashSet<>(caseIds)).list().stream()
                .map(ProcessInstance::getId).forEach(running::add);
        return running;
    }

    /** Ends the cases still running (deleted with this reason, as a manager would in Cockpit), then removes their history. */
    public Cases cases(Collection<String> caseIds, String reason) {
        if (caseIds.isEmpty()) {
            return new Cases(0, 0);
        }
        List<String> ids = new ArrayList<>(new HashSet<>(caseIds));
        List<String> running = new ArrayList<>(running(ids));
        if (!running.isEmpty()) {
            runtime.deleteProcessInstancesIfExists(running, reason, false, true, false);
        }
        List<String> inHistory = history.createHistoricProcessInstanceQuery().processInstanceIds(new HashSet<>(ids)).list().stream()
                .map(instance -> instance.getId()).toList();
        if (!inHistory.isEmpty()) {
            history.deleteHistoricProcessInstancesIfExists(inHistory);
        }
        return new Cases(running.size(), inHistory.size());
    }

    /** The classification cases of a document (business key {@code document:<id>}). */
    public List<String> casesOfDocument(String documentId) {
        return jdbc.sql("select PROC_INST_ID_ from ACT_HI_PROCINST where BUSINESS_KEY_ = ?").param("document:" + documentId)
                .query(String.class).list();
    }

    /** Removes these stored objects; answers how many there were. */
    public int objects(Collection<String> keys) {
        int removed = 0;
        for (String key : new HashSet<>(keys)) {
            if (objects.exists(key)) {
                objects.delete(key);
                removed++;
            }
        }
        return removed;
    }

    /**
     * Removes a document's row, its copies, its files and the texts read from it (on this node at once, on every
     * other reading node at its next pruning); answers how many files went here.
     */
    public int document(Map<String, Object> row) {
        String id = (String) row.get("id");
        int files = objects(CallerRecords.documentKeys(row));
        files += ocrCache.forget((String) row.get("content_hash"));
        jdbc.sql("delete from document_copy where document_id = ?").param(id).update();
        jdbc.sql("delete from document where id = ?").param(id).update();
        return files;
    }

    /** After documents of the client were removed: its document classifier no longer holds what they taught it. */
    public void documentsUnlearnt(String clientId) {
        models.relearnWithoutRemoved(clientId);
    }

    /** Whether the client's document classifier still holds documents removed before: its retraining failed then. */
    public boolean documentsStillLearnt(String clientId) {
        return models.outlivesRemovedDocuments(clientId);
    }

    /** Removes messages from the embedded mail server (its files and its mailboxes); answers how many. */
    public int mails(Collection<StoredMail> mails) {
        EmbeddedMailServer server = mailServer.getIfAvailable();
        if (server == null) {
            return 0;
        }
        mails.forEach(server::forget);
        return mails.size();
    }
}
