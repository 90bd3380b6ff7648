package org.permanence.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * One mail read from a mailbox (the secretariat's, a client's document mailbox), read as far as it
 * can be: who sent it, its subject, its text and attachments. A mail that cannot be read, or is too
 * large, still has an id and its raw bytes, and says its {@code problem}: it goes to a secretary, never away.
 * A mail a robot sent says so in {@code automatic} (null for a person's mail): see {@link AutomaticMail}.
 */
public record IncomingMail(String messageId, String from, String subject, String text, List<File> attachments, String problem,
                           AutomaticMail automatic, byte[] raw) {

    public record File(String name, String contentType, byte[] content) {
    }

    public IncomingMail {
        attachments = List.copyOf(attachments);
    }

    /** Reads a raw message; anything over {@code maxBytes} is kept unread. */
    public static IncomingMail read(byte[] raw, int maxBytes) {
        String fallbackId = "<sha256-" + digest(raw) + "@permanence.invalid>";
        MimeMessage message;
        String id = fallbackId;
        String from = "";
        String subject = "";
        AutomaticMail automatic = null;
        try {
            message = new MimeMessage(Session.getInstance(System.getProperties()), new ByteArrayInputStream(raw));
            id = message.getMessageID() == null ? fallbackId : message.getMessageID();
            Address[] senders = message.getFrom();
            from = senders == null || senders.length == 0 ? "" : senders[0] instanceof InternetAddress address
                    ? address.getAddress() : senders[0].toString();
            subject = message.getSubject() == null ? "" : message.getSubject();
            automatic = AutomaticMail.of(message).orElse(null);
        } catch (MessagingException e) {
            return new IncomingMail(id, from, subject, "", List.of(), "illisible : " + e.getMessage(), automatic, raw);
        }
        if (raw.length > maxBytes) {
            return new IncomingMail(id, from, subject, "", List.of(), "trop gros : " + raw.length / 1024 + " Kio, au-delà de "
                    + maxBytes / 1024 + " Kio", automatic, raw);
        }
        try {
            List<File> files = new ArrayList<>();
            String text = content(message, files);
            return new IncomingMail(id, from, subject, text == null ? "" : text.strip(), files, null, automatic, raw);
        } catch (MessagingException | IOException e) {
            return new IncomingMail(id, from, subject, "", List.of(), "illisible : " + e.getMessage(), automatic, raw);
        }
    }

    /** A short, stable name for the mail, fit for storage keys and business keys. */
    public String key() {
        return keyOf(messageId);
    }

    /** The {@link #key()} of the mail with this Message-ID. */
    public static String keyOf(String messageId) {
        return digest(messageId.getBytes(StandardCharsets.UTF_8)).substring(0, 24);
    }

    /** The text of the first text part (plain preferred, else HTML without tags); every named part is an attachment. */
    private static String content(Part part, List<File> files) throws MessagingException, IOException {
        if (part.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            String name = part.getFileName() == null ? "piece-jointe-" + (files.size() + 1) : part.getFileName();
            files.add(new File(name, part.getContentType().split(";")[0].strip().toLowerCase(), part.getInputStream().readAllBytes()));
            return null;
        }
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("text/html")) {
            return ((String) part.getContent()).replaceAll("<[^>]+>", " ").replaceAll("[ \\t]+", " ");
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String plain = null;
            String other = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = content(child, files);
                if (text != null && child.isMimeType("text/plain") && plain == null) {
                    plain = text;
                } else if (text != null && other == null) {
                    other = text;
                }
            }
            return plain != null ? plain : other;
        }
        return null;
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
