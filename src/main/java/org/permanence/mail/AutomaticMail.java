package org.permanence.mail;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A mail no person wrote: an out-of-office or other automatic reply, a delivery report (bounce), a
 * mass mailing, or anything a program sent and said so. Such a mail is kept and listed like any other,
 * but never answered nor drafted from: answering a robot can make two robots answer each other forever
 * (RFC 3834), and nobody asked the office anything.
 *
 * <p>What gives it away, as mail servers and clients set it in practice: {@code Auto-Submitted} with
 * any value but {@code no} (RFC 3834); {@code X-Autoreply} / {@code X-Autorespond} (vacation programs);
 * {@code Precedence: bulk, junk, list or auto_reply}; a {@code multipart/report} body (RFC 6522:
 * delivery status and read receipts); an empty return path, {@code Return-Path: <>}, which only
 * bounces and automatic replies use (RFC 5321 §4.5.5); Microsoft's {@code X-Auto-Response-Suppress}
 * asking for no automatic answer (Exchange puts it on its own out-of-office replies) and its
 * {@code X-MS-Exchange-Message-Is-Ndr} on bounces. An automatically forwarded mail is not one of
 * them: a client's forwarding rule carries a person's mail on.
 *
 * @param kind   what sort of robot sent it
 * @param reason in French, what gave it away, for the list of kept mails and the log
 */
public record AutomaticMail(Kind kind, String reason) {

    public enum Kind {
        /** An out-of-office or other automatic reply to a mail. */
        REPLY("réponse automatique"),
        /** A delivery report: a bounce, a delay notice, a read receipt. */
        REPORT("avis de remise"),
        /** A mailing to many: newsletters, mailing lists. */
        BULK("envoi en nombre"),
        /** Anything else a program sent and said so. */
        GENERATED("mail automatique");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "list");
    private static final Set<String> SUPPRESSED_RESPONSES = Set.of("all", "oof", "autoreply");

    /** Whether it answers a mail (a reply or a report) rather than being sent of its own accord. */
    public boolean answersAMail() {
        return kind == Kind.REPLY || kind == Kind.REPORT;
    }

    /** What the message gives away, or empty for a mail a person sent. */
    public static Optional<AutomaticMail> of(MimeMessage message) throws MessagingException {
        String autoSubmitted = first(message, OutgoingMail.AUTO_SUBMITTED);
        if (autoSubmitted != null && !"no".equals(token(autoSubmitted))) {
            String value = token(autoSubmitted);
            Kind kind = value.equals("auto-replied") ? Kind.REPLY : value.equals("auto-notified") ? Kind.REPORT : Kind.GENERATED;
            return found(kind, "Auto-Submitted: " + value);
        }
        if (message.isMimeType("multipart/report")) {
            return found(Kind.REPORT, "Content-Type: multipart/report");
        }
        if (first(message, "X-MS-Exchange-Message-Is-Ndr") != null) {
            return found(Kind.REPORT, "X-MS-Exchange-Message-Is-Ndr");
        }
        String returnPath = first(message, "Return-Path");
        if (returnPath != null && returnPath.replaceAll("[\\s<>]", "").isEmpty()) {
            return found(Kind.REPORT, "Return-Path: <>");
        }
        for (String header : new String[] {"X-Autoreply", "X-Autorespond"}) {
            String value = first(message, header);
            if (value != null && !"no".equals(token(value))) {
                return found(Kind.REPLY, header + ": " + value.strip());
            }
        }
        String precedence = first(message, "Precedence");
        if (precedence != null && token(precedence).equals("auto_reply")) {
            return found(Kind.REPLY, "Precedence: auto_reply");
        }
        if (precedence != null && BULK_PRECEDENCE.contains(token(precedence))) {
            return found(Kind.BULK, "Precedence: " + token(precedence));
        }
        String suppress = first(message, "X-Auto-Response-Suppress");
        if (suppress != null) {
            for (String value : suppress.split(",")) {
                if (SUPPRESSED_RESPONSES.contains(token(value))) {
                    return found(Kind.GENERATED, "X-Auto-Response-Suppress: " + suppress.strip());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<AutomaticMail> found(Kind kind, String header) {
        // header values are the sender's words: one short line
        String said = header.replaceAll("\\s+", " ");
        return Optional.of(new AutomaticMail(kind, kind.label() + " (" + (said.length() > 120 ? said.substring(0, 120) + "…" : said) + ")"));
    }

    /** The first of the header's values: a mail server adds its own Return-Path on top of any the sender wrote. */
    private static String first(MimeMessage message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    /** The value without its parameters or comments ({@code auto-replied; owner-email=…}), in lower case. */
    private static String token(String value) {
        return value.split("[;(]", 2)[0].strip().toLowerCase(Locale.ROOT);
    }
}
