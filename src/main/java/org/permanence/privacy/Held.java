package org.permanence.privacy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.permanence.mail.StoredMail;

/**
 * Everything one client's records hold of one caller: the rows of each table (as read), the messages the
 * embedded mail server keeps, the stored objects and the engine's cases that name her.
 */
record Held(Caller caller, List<Map<String, Object>> calls, List<Map<String, Object>> messages, List<Map<String, Object>> appointments,
            List<Map<String, Object>> archivedMails, List<Map<String, Object>> receivedMails, List<Map<String, Object>> notifications,
            List<Map<String, Object>> documents, List<StoredMail> mailStore, Set<String> objects, Set<String> cases) {

    /** The ids the access log names her records by: calls, documents, kept mails, and cases (a call read in Tasklist before it had its row). */
    Set<String> itemIds() {
        return new java.util.HashSet<>(java.util.stream.Stream.of(
                calls.stream().map(row -> (String) row.get("id")),
                documents.stream().map(row -> (String) row.get("id")),
                mailStore.stream().map(StoredMail::id), cases.stream()).flatMap(s -> s).toList());
    }

    /** How many records of each kind, as the page and the receipt show them. */
    Counts counts() {
        return new Counts(calls.size(), messages.size() + notifications.size(), appointments.size(),
                archivedMails.size() + receivedMails.size() + mailStore.size(), documents.size(), objects.size(), cases.size());
    }

    record Counts(int calls, int messages, int appointments, int mails, int documents, int storedObjects, int cases) {
    }
}
