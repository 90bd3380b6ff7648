package org.permanence.mail;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;

/** A message the embedded server received, as the "sent mail" page shows it. */
public record StoredMail(String id, String mailbox, MimeMessage message) {

    /** Set on every mail Permanence sends, so each client's mail is shown only to its secretaries. */
    public static final String CLIENT_HEADER = "X-Permanence-Client";

    public Optional<String> clientId() {
        return header(CLIENT_HEADER);
    }

    public String subject() {
        return read(() -> Optional.ofNullable(message.getSubject()).orElse("(sans objet)"));
    }

    public String from() {
        return read(() -> addresses(message.getFrom()));
    }

    public String to() {
        return read(() -> addresses(message.getRecipients(Message.RecipientType.TO)));
    }

    public Instant sentAt() {
        return read(() -> message.getSentDate() == null ? Instant.ofEpochMilli(Long.parseLong(id.substring(0, 13)))
                : message.getSentDate().toInstant());
    }

    /** The plain-text body, or the HTML one with its tags removed. */
    public String text() {
        return read(() -> Optional.ofNullable(textOf(message)).orElse(""));
    }

    public List<String> attachmentNames() {
        return read(() -> attachmentParts().stream().map(part -> read(part::getFileName)).toList());
    }

    /** One attached file as it went out: its name, its MIME type without parameters, its bytes. */
    public record Attachment(String name, String contentType, byte[] content) {
    }

    /** The attachment at this place in {@link #attachmentNames()}; empty when there is none there. */
    public Optional<Attachment> attachment(int index) {
        return read(() -> {
            List<Part> parts = attachmentParts();
            if (index < 0 || index >= parts.size()) {
                return Optional.empty();
            }
            Part part = parts.get(index);
            return Optional.of(new Attachment(part.getFileName(), new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT),
                    part.getInputStream().readAllBytes()));
        });
    }

    private List<Part> attachmentParts() throws MessagingException, IOException {
        List<Part> parts = new ArrayList<>();
        collectAttachments(message, parts);
        return parts;
    }

    private Optional<String> header(String name) {
        return read(() -> Optional.ofNullable(message.getHeader(name, ",")));
    }

    private static String textOf(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return (String) part.getContent();
        }
        if (part.isMimeType("text/html") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return ((String) part.getContent()).replaceAll("<[^>]+>", " ").replaceAll("[ \\t]+", " ").strip();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = textOf(child);
                if (text != null && child.isMimeType("text/plain")) {
                    return text;
                }
                if (text != null && html == null) {
                    html = text;
                }
            }
            return html;
        }
        return null;
    }

    private static void collectAttachments(Part part, List<Part> attachments) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collectAttachments(multipart.getBodyPart(i), attachments);
            }
        } else if (part.getFileName() != null) {
            attachments.add(part);
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    private static <T> T read(MailRead<T> read) {
        try {
            return read.run();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable stored mail: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface MailRead<T> {
        T run() throws MessagingException, IOException;
    }
}
