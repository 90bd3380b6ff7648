package org.permanence.documents;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a document's files live in object storage. Keys are made of ids the application chose
 * (client id, document id, a category code checked against a pattern) and never of a name someone
 * sent: {@code documents/<client>/<document>/original|text.txt|preview.png} while it is worked on,
 * {@code filed/<client>/<category>/<year>/<document>.<ext>} once filed; a mail from the client's document
 * mailbox, whole, at {@code documents/<client>/mails/<mail>.eml}.
 */
public final class DocumentObjects {

    private static final Pattern SAFE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}|[0-9a-f-]{36}");
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("application/pdf", "pdf"), Map.entry("image/png", "png"), Map.entry("image/jpeg", "jpg"),
            Map.entry("image/tiff", "tif"), Map.entry("image/gif", "gif"), Map.entry("image/bmp", "bmp"), Map.entry("text/plain", "txt"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            Map.entry("application/vnd.oasis.opendocument.text", "odt"), Map.entry("application/msword", "doc"),
            Map.entry("application/rtf", "rtf"), Map.entry("text/html", "html"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"));

    private DocumentObjects() {
    }

    public static String original(String clientId, String documentId) {
        return folder(clientId, documentId) + "original";
    }

    public static String text(String clientId, String documentId) {
        return folder(clientId, documentId) + "text.txt";
    }

    public static String preview(String clientId, String documentId) {
        return folder(clientId, documentId) + "preview.png";
    }

    /** A mail from the client's document mailbox, kept whole as it arrived, before its attachments are taken in. */
    public static String mail(String clientId, String mailKey) {
        return "documents/" + safe(clientId) + "/mails/" + safe(mailKey) + ".eml";
    }

    public static String filed(String clientId, String category, int year, String documentId, String mediaType) {
        return "filed/" + safe(clientId) + "/" + safe(category) + "/" + year + "/" + safe(documentId) + "."
                + EXTENSIONS.getOrDefault(mediaType, "bin");
    }

    private static String folder(String clientId, String documentId) {
        return "documents/" + safe(clientId) + "/" + safe(documentId) + "/";
    }

    private static String safe(String part) {
        if (part == null || !SAFE.matcher(part).matches()) {
            throw new IllegalArgumentException("not an id to build a storage key with: " + part);
        }
        return part;
    }
}
