package org.permanence.mail;

import java.util.List;

/**
 * A mail Permanence sends for one client: to the client itself (messages, summaries) or on its behalf
 * (confirmations to callers). {@code html} is an optional alternative to the text; attachments may be empty.
 */
public record ClientMail(String clientId, String to, String subject, String text, String html, List<Attachment> attachments) {

    public ClientMail {
        attachments = List.copyOf(attachments);
    }

    /** A plain-text mail without attachments. */
    public ClientMail(String clientId, String to, String subject, String text) {
        this(clientId, to, subject, text, null, List.of());
    }

    public record Attachment(String fileName, String contentType, byte[] content) {
    }
}
