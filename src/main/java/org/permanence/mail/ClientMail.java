package org.permanence.mail;

import java.util.List;

/**
 * A mail Permanence sends for one client: to the client itself (messages, summaries) or on its behalf
 * (confirmations to callers). {@code html} is an optional alternative to the text; attachments may be empty.
 *
 * <p>A mail is automatic unless a person wrote or reviewed it and decided to send it ({@code byAPerson}):
 * automatic mail says so in its headers (RFC 3834), so that out-of-office replies and other robots
 * do not answer it. Only a mail a secretary reviewed and sent is by a person; see {@link #byAPerson()}.
 */
public record ClientMail(String clientId, String to, String subject, String text, String html, List<Attachment> attachments,
                         boolean byAPerson) {

    public ClientMail {
        attachments = List.copyOf(attachments);
    }

    /** An automatic mail (a confirmation, a notification, a summary, a request for approval…). */
    public ClientMail(String clientId, String to, String subject, String text, String html, List<Attachment> attachments) {
        this(clientId, to, subject, text, html, attachments, false);
    }

    /** An automatic plain-text mail without attachments. */
    public ClientMail(String clientId, String to, String subject, String text) {
        this(clientId, to, subject, text, null, List.of());
    }

    /** The same mail, written or reviewed by a person who decided to send it: it goes without the automatic headers. */
    public ClientMail sentByAPerson() {
        return new ClientMail(clientId, to, subject, text, html, attachments, true);
    }

    public record Attachment(String fileName, String contentType, byte[] content) {
    }
}
