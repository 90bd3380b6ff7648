package org.permanence.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.permanence.SharedNode;
import org.permanence.storage.ObjectStorage;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where some strings still appear on the shared node, searched the hard way: every text column of every
 * table (INFORMATION_SCHEMA, the engine's tables included), every object in the bucket, every file under
 * the data folder's mail store and OCR cache (and the OCR caches of the other nodes given, workers that read
 * documents on disks of their own), and every message in every IMAP mailbox of the embedded server.
 */
final class Traces {

    private final JdbcClient jdbc;
    private final ObjectStorage objects;
    private final Path dataDir = Path.of((String) SharedNode.PROPERTIES.get("permanence.data-dir"));
    private final List<Path> otherNodes;

    Traces(JdbcClient jdbc, ObjectStorage objects, Path... otherNodesDataDirs) {
        this.jdbc = jdbc;
        this.objects = objects;
        this.otherNodes = List.of(otherNodesDataDirs);
    }

    /**
     * Where any of the strings appears (case ignored): "table.column", "object key", "file path", "imap mailbox".
     * A document model keeps hashed features, not words: what it learnt is searched by {@link PrivacyTest} itself.
     */
    List<String> of(List<String> strings) {
        List<String> lower = strings.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        List<String> found = new ArrayList<>();
        found.addAll(inTables(lower));
        found.addAll(inObjects(lower));
        found.addAll(inFiles(lower, dataDir.resolve("mail")));
        found.addAll(inMailFiles(lower));
        found.addAll(inFiles(lower, dataDir.resolve("ocr-cache")));
        otherNodes.forEach(node -> found.addAll(inFiles(lower, node.resolve("ocr-cache"))));
        found.addAll(inMailboxes(lower));
        return found;
    }

    private List<String> inTables(List<String> strings) {
        List<Map<String, Object>> columns = jdbc.sql("""
                        select c.table_name, c.column_name from information_schema.columns c
                          join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                        where c.table_schema = current_schema and t.table_type = 'BASE TABLE'
                          and upper(c.data_type) in ('CHARACTER VARYING', 'CHARACTER LARGE OBJECT', 'CHARACTER', 'TEXT', 'VARCHAR', 'CLOB')""")
                .query().listOfRows();
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = (String) value(column, "table_name");
            String name = (String) value(column, "column_name");
            String where = String.join(" or ", strings.stream().map(s -> "lower(\"" + name + "\") like ?").toList());
            long hits = jdbc.sql("select count(*) from \"" + table + "\" where " + where)
                    .params(strings.stream().map(s -> (Object) ("%" + s + "%")).toList()).query(Long.class).single();
            if (hits > 0) {
                found.add(table + "." + name);
            }
        }
        if (columns.size() < 100) {
            throw new IllegalStateException("only " + columns.size() + " text columns found: the search is not looking where it should");
        }
        return found;
    }

    private List<String> inObjects(List<String> strings) {
        return objects.list("").stream().map(ObjectStorage.StoredObject::key)
                .filter(key -> objects.get(key).map(bytes -> contains(new String(bytes, StandardCharsets.UTF_8), strings)).orElse(false))
                .toList();
    }

    private static List<String> inFiles(List<String> strings, Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(file -> {
                try {
                    return contains(Files.readString(file, StandardCharsets.ISO_8859_1), strings)
                            || contains(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), strings);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mail store's files as messages, their bodies decoded. */
    private List<String> inMailFiles(List<String> strings) {
        return new org.permanence.mail.MailFolder(dataDir.resolve("mail").toAbsolutePath()).all().stream()
                .filter(mail -> contains(mail.subject() + "\n" + mail.from() + "\n" + mail.to() + "\n" + mail.text(), strings))
                .map(mail -> "mail file " + mail.mailbox() + "/" + mail.id()).toList();
    }

    /** Every mailbox the embedded server was ever given a message for, read over IMAP as a mail client would. */
    private List<String> inMailboxes(List<String> strings) {
        Path mail = dataDir.resolve("mail");
        if (!Files.isDirectory(mail)) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        try (Stream<Path> boxes = Files.list(mail)) {
            for (Path box : boxes.filter(Files::isDirectory).toList()) {
                String address = box.getFileName().toString();
                Store store = Session.getInstance(new Properties()).getStore("imap");
                store.connect("127.0.0.1", (Integer) SharedNode.PROPERTIES.get("permanence.mail.imap-port"), address, "any");
                try {
                    Folder inbox = store.getFolder("INBOX");
                    inbox.open(Folder.READ_ONLY);
                    for (Message message : inbox.getMessages()) {
                        ByteArrayOutputStream raw = new ByteArrayOutputStream();
                        message.writeTo(raw);
                        // raw, and decoded: a body in base64 or quoted-printable hides its words from the raw bytes
                        if (contains(raw.toString(StandardCharsets.UTF_8) + "\n" + message.getSubject() + "\n" + decoded(message), strings)) {
                            found.add("imap " + address + ": " + message.getSubject());
                        }
                    }
                    inbox.close(false);
                } finally {
                    store.close();
                }
            }
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("Could not read the embedded server's mailboxes", e);
        }
        return found;
    }

    private static String decoded(jakarta.mail.Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/*")) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(decoded(multipart.getBodyPart(i))).append('\n');
            }
            return text.toString();
        }
        return "";
    }

    private static boolean contains(String text, List<String> strings) {
        String lower = text.toLowerCase(Locale.ROOT);
        return strings.stream().anyMatch(lower::contains);
    }

    private static Object value(Map<String, Object> row, String column) {
        return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase(Locale.ROOT));
    }
}
