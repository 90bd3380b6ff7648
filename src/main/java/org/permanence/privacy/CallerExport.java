package org.permanence.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.permanence.documents.DocumentObjects;
import org.permanence.mail.StoredMail;
import org.permanence.storage.ObjectStorage;
import org.permanence.system.EngineNode;
import org.springframework.stereotype.Component;

/**
 * A caller's data for one client, for a subject-access request: one zip with {@code data.json} (every row
 * that names her, table by table, and who read her records) and the files themselves under {@code files/}
 * (her documents' originals, the mails kept in storage and by the embedded mail server).
 */
@Component
@EngineNode
class CallerExport {

    private static final int ACCESS_ENTRIES = 10_000;

    private final CallerRecords records;
    private final ObjectStorage objects;
    private final AccessLog accessLog;
    private final ObjectMapper json;

    CallerExport(CallerRecords records, ObjectStorage objects, AccessLog accessLog, ObjectMapper json) {
        this.records = records;
        this.objects = objects;
        this.accessLog = accessLog;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    byte[] zip(String clientId, String query) {
        Held held = records.find(clientId, query);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("client", clientId);
        data.put("exportedAt", Instant.now().toString());
        data.put("caller", Map.of("numbers", held.caller().numbers(), "names", held.caller().names(), "emails", held.caller().emails()));
        data.put("calls", readable(held.calls()));
        data.put("messages", readable(held.messages()));
        data.put("notifications", readable(held.notifications()));
        data.put("appointments", readable(held.appointments()));
        data.put("sentMails", readable(held.archivedMails()));
        data.put("receivedMails", readable(held.receivedMails()));
        data.put("documents", readable(held.documents()));
        data.put("mailServerMessages", held.mailStore().stream().map(mail -> Map.of("id", mail.id(), "mailbox", mail.mailbox(),
                "subject", mail.subject(), "from", mail.from(), "to", mail.to(), "sentAt", mail.sentAt().toString(),
                "file", "files/mail-server/" + mail.id() + ".eml")).toList());
        data.put("accessLog", accessLog.ofClient(clientId, held.itemIds(), ACCESS_ENTRIES));
        data.put("cases", held.cases());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "data.json", json.writeValueAsBytes(data));
            Set<String> keys = new LinkedHashSet<>(held.objects());
            held.documents().forEach(document -> keys.add(DocumentObjects.original(clientId, (String) document.get("id"))));
            for (String key : keys) {
                var content = objects.get(key);
                if (content.isPresent()) {
                    put(zip, "files/storage/" + key, content.get());
                }
            }
            for (StoredMail mail : held.mailStore()) {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                mail.message().writeTo(raw);
                put(zip, "files/mail-server/" + mail.id() + ".eml", raw.toByteArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the export of client " + clientId, e);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException("A kept mail could not be written into the export", e);
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /** Rows with their times as ISO text, whatever type the database answered them in. */
    private static List<Map<String, Object>> readable(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> {
            Map<String, Object> shown = new LinkedHashMap<>();
            row.forEach((column, value) -> shown.put(column, value instanceof Timestamp t ? t.toInstant().toString()
                    : value instanceof OffsetDateTime o ? o.toInstant().toString() : value));
            return shown;
        }).toList();
    }
}
