package org.permanence.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outgoing mail goes through Spring's {@code spring.mail.*} (a real relay in production); with
 * {@code embedded} an in-process SMTP + IMAP server receives it instead, and keeps it.
 */
@ConfigurationProperties("permanence.mail")
public record MailProperties(boolean embedded, int smtpPort, int imapPort, String from) {
}
