package org.permanence.drafting;

import java.time.Duration;

import org.permanence.mail.Mailbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Mail drafting's settings. Client approval: the client is reminded after {@code approvalReminder}
 * without an answer, and a secretary must reach it after {@code approvalEscalation}; its links work
 * for {@code approvalLinkValidity}. {@code incoming}: the secretariat mailbox clients write to.
 */
@ConfigurationProperties("permanence.drafting")
public record DraftingProperties(Duration approvalReminder, Duration approvalEscalation, Duration approvalLinkValidity,
                                 Incoming incoming) {

    public DraftingProperties {
        if (approvalReminder.isNegative() || approvalReminder.isZero() || approvalEscalation.compareTo(approvalReminder) <= 0) {
            throw new IllegalArgumentException("permanence.drafting.approval-escalation (" + approvalEscalation
                    + ") must come after a positive approval-reminder (" + approvalReminder + ")");
        }
        if (approvalLinkValidity.compareTo(approvalEscalation) < 0) {
            throw new IllegalArgumentException("permanence.drafting.approval-link-validity (" + approvalLinkValidity
                    + ") must last at least until the escalation (" + approvalEscalation + ")");
        }
    }

    /**
     * The IMAP mailbox read every {@code pollEvery} ({@code enabled} false: not read); a mail over
     * {@code maxBytes} is not drafted from but handed to a secretary.
     */
    public record Incoming(boolean enabled, String host, int port, String username, String password, String folder,
                           Duration pollEvery, int maxBytes) {

        public Mailbox mailbox() {
            return new Mailbox(host, port, username, password, folder);
        }
    }
}
