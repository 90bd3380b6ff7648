package org.permanence.privacy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.permanence.documents.DocumentObjects;
import org.permanence.mail.MailFolder;
import org.permanence.mail.StoredMail;
import org.permanence.storage.ObjectStorage;
import org.permanence.system.EngineNode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds what one client's records hold of a caller, everywhere they live: the application's tables, the
 * stored objects (a mail kept as {@code .eml}, a document's text), the embedded mail server's messages and
 * the engine's cases whose variables name her. The caller grows once with what her records say (the name
 * noted on a call from her number…), so that a search by number also finds the appointment booked by name.
 */
@Component
@EngineNode
public class CallerRecords {

    /** Objects read to look for her: texts and mails; a PDF or picture is found through the record it belongs to. */
    private static final List<String> TEXT_ENDINGS = List.of(".eml", ".txt", ".ics", ".json", ".html");

    private final JdbcClient jdbc;
    private final ObjectStorage objects;
    private final ObjectProvider<MailFolder> mailFolder;

    CallerRecords(JdbcClient jdbc, ObjectStorage objects, ObjectProvider<MailFolder> mailFolder) {
        this.jdbc = jdbc;
        this.objects = objects;
        this.mailFolder = mailFolder;
    }

    Held find(String clientId, String query) {
        Caller typed = Caller.typed(query);
        Held first = find(clientId, typed);
        Caller known = typed.with(knownAs(first));
        return known.equals(typed) ? first : find(clientId, known);
    }

    private Held find(String clientId, Caller caller) {
        List<Map<String, Object>> calls = rows("call", clientId, caller, List.of("caller_number"), List.of("caller_name"), List.of());
        List<Map<String, Object>> messages = rows("summary_message", clientId, caller, List.of("caller_number"), List.of("caller_name"), List.of());
        List<Map<String, Object>> appointments = rows("appointment", clientId, caller, List.of("caller_number"), List.of("caller_name"),
                List.of("caller_email"));
        List<Map<String, Object>> archived = rows("archived_mail", clientId, caller, List.of(), List.of(), List.of("recipient"));
        List<Map<String, Object>> received = new ArrayList<>();
        for (String table : List.of("incoming_mail", "automatic_mail", "document_mail")) {
            rows(table, clientId, caller, List.of(), List.of(), List.of("sender")).forEach(row -> {
                row.put("table", table);
                received.add(row);
            });
        }
        List<Map<String, Object>> notifications = jdbc.sql("select * from notification where client_id = ?").param(clientId)
                .query().listOfRows().stream().filter(row -> caller.appearsIn((String) row.get("subject"))).map(CallerRecords::lower).toList();
        List<Map<String, Object>> documents = documents(clientId, caller);
        List<StoredMail> mails = mails(clientId, caller);

        Set<String> keys = new LinkedHashSet<>();
        archived.forEach(row -> Stream.of("eml_key", "letter_key").map(row::get).filter(key -> key != null).forEach(key -> keys.add((String) key)));
        received.forEach(row -> {
            if (row.get("object_key") != null) {
                keys.add((String) row.get("object_key"));
            }
        });
        documents.forEach(row -> keys.addAll(documentKeys(row)));
        keys.addAll(objectsNaming(clientId, caller));

        Set<String> cases = new LinkedHashSet<>();
        Stream.of(calls, messages, appointments, received).flatMap(List::stream)
                .map(row -> (String) row.get("process_instance_id")).filter(id -> id != null).forEach(cases::add);
        archived.forEach(row -> cases.add((String) row.get("case_id")));
        cases.addAll(casesNaming(clientId, caller));
        return new Held(caller, calls, messages, appointments, archived, received, notifications, documents, mails, keys, cases);
    }

    /** A document's files in storage, by its row. */
    public static List<String> documentKeys(Map<String, Object> document) {
        String client = (String) document.get("client_id");
        String id = (String) document.get("id");
        List<String> keys = new ArrayList<>(List.of(DocumentObjects.original(client, id), DocumentObjects.text(client, id),
                DocumentObjects.preview(client, id)));
        if (document.get("filed_key") != null) {
            keys.add((String) document.get("filed_key"));
        }
        return keys;
    }

    /** The folders of a client's objects in storage (see DocumentObjects, MailDrafts, IncomingMails). */
    static List<String> clientFolders(String clientId) {
        return List.of("documents/" + clientId + "/", "filed/" + clientId + "/", "clients/" + clientId + "/");
    }

    private Caller knownAs(Held held) {
        Set<String> numbers = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        Stream.of(held.calls(), held.messages(), held.appointments()).flatMap(List::stream).forEach(row -> {
            add(numbers, row.get("caller_number"), Function.identity());
            add(names, row.get("caller_name"), s -> s.toLowerCase(Locale.ROOT));
            add(emails, row.get("caller_email"), s -> s.toLowerCase(Locale.ROOT));
        });
        // a withheld or unknown caller is nobody in particular
        names.removeIf(name -> name.codePointCount(0, name.length()) < Caller.SHORTEST_NAME);
        return new Caller(numbers, names, emails);
    }

    private static void add(Set<String> into, Object value, Function<String, String> form) {
        if (value instanceof String text && !text.isBlank()) {
            into.add(form.apply(text.strip()));
        }
    }

    /** The client's rows of this table where a number column is one of hers, a name column one of her names, an e-mail column names one of her addresses. */
    private List<Map<String, Object>> rows(String table, String clientId, Caller caller, List<String> numberColumns, List<String> nameColumns,
                                           List<String> emailColumns) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("client", clientId);
        if (!caller.numbers().isEmpty()) {
            numberColumns.forEach(column -> conditions.add(column + " in (:numbers)"));
            params.put("numbers", caller.numbers());
        }
        if (!caller.names().isEmpty()) {
            nameColumns.forEach(column -> conditions.add("lower(" + column + ") in (:names)"));
            params.put("names", caller.names());
        }
        int e = 0;
        for (String email : caller.emails()) {
            for (String column : emailColumns) {
                // a sender is kept as written: "Name <address>" or the address alone
                conditions.add("lower(" + column + ") like :email" + e);
            }
            params.put("email" + e, "%" + email.replace("\\", "").replace("%", "").replace("_", "\\_") + "%");
            e++;
        }
        if (conditions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from " + table + " where client_id = :client and (" + String.join(" or ", conditions) + ")")
                .params(params).query().listOfRows().stream().map(CallerRecords::lower).toList();
    }

    /** The client's documents sent by her, received from her address, or whose text names her. */
    private List<Map<String, Object>> documents(String clientId, Caller caller) {
        return jdbc.sql("select * from document where client_id = ?").param(clientId).query().listOfRows().stream()
                .map(CallerRecords::lower)
                .filter(row -> caller.appearsIn((String) row.get("sender")) || caller.appearsIn((String) row.get("received_by"))
                        || caller.appearsIn((String) row.get("original_name"))
                        || objects.get(DocumentObjects.text(clientId, (String) row.get("id")))
                                .map(text -> caller.appearsIn(new String(text, StandardCharsets.UTF_8))).orElse(false))
                .toList();
    }

    /** The messages the embedded mail server keeps for this client or exchanged with her address, that name her. */
    private List<StoredMail> mails(String clientId, Caller caller) {
        MailFolder folder = mailFolder.getIfAvailable();
        if (folder == null) {
            return List.of();
        }
        return folder.all().stream()
                .filter(mail -> mail.clientId().map(clientId::equals).orElse(false)
                        || caller.emails().stream().anyMatch(email -> (mail.from() + " " + mail.to()).toLowerCase(Locale.ROOT).contains(email)))
                .filter(mail -> caller.appearsIn(mail.subject() + "\n" + mail.from() + "\n" + mail.to() + "\n" + mail.text() + "\n" + raw(mail)))
                .toList();
    }

    /** The client's stored texts and mails that name her (an incoming mail's {@code .eml}, a letter's text…). */
    private List<String> objectsNaming(String clientId, Caller caller) {
        return clientFolders(clientId).stream().flatMap(folder -> objects.list(folder).stream())
                .map(ObjectStorage.StoredObject::key)
                .filter(key -> TEXT_ENDINGS.stream().anyMatch(key::endsWith))
                .filter(key -> objects.get(key).map(bytes -> caller.appearsIn(new String(bytes, StandardCharsets.UTF_8))).orElse(false))
                .toList();
    }

    /** The client's cases (running or in history) whose text variables name her. */
    private Collection<String> casesNaming(String clientId, Caller caller) {
        Set<String> cases = new LinkedHashSet<>();
        for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
            for (String text : caller.inTexts()) {
                cases.addAll(jdbc.sql("select distinct PROC_INST_ID_ from " + table
                                + " where TENANT_ID_ = ? and PROC_INST_ID_ is not null and (lower(TEXT_) like ? or lower(TEXT2_) like ?)")
                        .params(clientId, "%" + text + "%", "%" + text + "%").query(String.class).list());
            }
        }
        return cases;
    }

    private static String raw(StoredMail mail) {
        try {
            var bytes = new java.io.ByteArrayOutputStream();
            mail.message().writeTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "";
        }
    }

    /** Column names in lower case whatever the database answers (H2 upper-cases them). */
    private static Map<String, Object> lower(Map<String, Object> row) {
        Map<String, Object> lowered = new java.util.LinkedHashMap<>();
        row.forEach((column, value) -> lowered.put(column.toLowerCase(Locale.ROOT), value));
        return lowered;
    }
}
