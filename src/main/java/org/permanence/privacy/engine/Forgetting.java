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
import org.permanence.documents.DocumentReader;
import org.permanence.mail.EmbeddedMailServer;
import org.permanence.mail.StoredMail;
import org.permanence.privacy.CallerRecords;
import org.permanence.storage.ObjectStorage;
import org.permanence.system.EngineNode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Removing what the purge and an erasure remove, wherever it lives besides the application's tables:
 * the engine's cases (running ones ended with a reason, then their history), stored objects, the OCR
 * cache and the embedded mail server's messages.
 */
@Component
@EngineNode
public class Forgetting {

    private final JdbcClient jdbc;
    private final ObjectStorage objects;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final DocumentReader reader;
    private final ObjectProvider<EmbeddedMailServer> mailServer;

    Forgetting(JdbcClient jdbc, ObjectStorage objects, RuntimeService runtime, HistoryService history, DocumentReader reader,
               ObjectProvider<EmbeddedMailServer> mailServer) {
        this.jdbc = jdbc;
        this.objects = objects;
        this.runtime = runtime;
        this.history = history;
        this.reader = reader;
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

    /** Removes a document's row, its copies, its files and the texts read from it; answers how many files went. */
    public int document(Map<String, Object> row) {
        String id = (String) row.get("id");
        int files = objects(CallerRecords.documentKeys(row));
        files += reader.forgetTexts((String) row.get("content_hash"));
        jdbc.sql("delete from document_copy where document_id = ?").param(id).update();
        jdbc.sql("delete from document where id = ?").param(id).update();
        return files;
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
