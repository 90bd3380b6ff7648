package org.permanence.mail;

import java.util.List;

/**
 * A mail Permanence sends for one client: to the client itself (messages, summaries) or on its behalf
 * (confirmations to callers). {@code html} is an optional alternative to the text; attachments may be empty.
 * {@code calendar}, optional, is a calendar invitation shown as one more alternative of the text, which
 * Outlook and others read best from there (the same invitation usually goes as an attachment too).
 *
 * <p>A mail is automatic unless a person wrote or reviewed it and decided to send it ({@code byAPerson}):
 * automatic mail says so in its headers (RFC 3834), so that out-of-office replies and other robots
 * do not answer it. Only a mail a secretary reviewed and sent is by a person; see {@link #byAPerson()}.
 */
public record ClientMail(String clientId, String to, String subject, String text, String html, List<Attachment> attachments,
                         boolean byAPerson, InlineCalendar calendar) {

    public ClientMail {
        attachments = List.copyOf(attachments);
    }

    /** An automatic mail (a confirmation, a notification, a summary, a request for approval…). */
    public ClientMail(String clientId, String to, String subject, String text, String html, List<Attachment> attachments) {
        this(clientId, to, subject, text, html, attachments, false, null);
    }

    /** An automatic plain-text mail without attachments. */
    public ClientMail(String clientId, String to, String subject, String text) {
        this(clientId, to, subject, text, null, List.of());
    }

    /** The same mail, written or reviewed by a person who decided to send it: it goes without the automatic headers. */
    public ClientMail sentByAPerson() {
        return new ClientMail(clientId, to, subject, text, html, attachments, true, calendar);
    }

    /** The same mail with this invitation as an inline {@code text/calendar} alternative of its text. */
    public ClientMail withCalendar(InlineCalendar invitation) {
        return new ClientMail(clientId, to, subject, text, html, attachments, byAPerson, invitation);
    }

    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    /** An iCalendar object (RFC 5545) in UTF-8 and its iTIP method (RFC 5546: REQUEST, CANCEL…), which its content type names. */
    public record InlineCalendar(String method, byte[] content) {

        public String contentType() {
            return "text/calendar; method=" + method + "; charset=UTF-8";
        }
    }
}
