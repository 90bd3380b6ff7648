package org.permanence.mail;

/**
 * The mail server did not take a mail (down, refused it, or the address is unusable). Workers report
 * it as a failure, so the engine retries and finally raises an incident with this message.
 */
public class MailNotSent extends RuntimeException {

    public MailNotSent(String message, Throwable cause) {
        super(message, cause);
    }
}
