package org.permanence.links;

import java.time.Instant;

/**
 * The verdict on a link: its outcome, and when the signature holds, what it was signed for ({@code
 * linkId}, {@code subject}, {@code action}, {@code expiresAt}); a tampered link tells nothing.
 */
public record LinkCheck(LinkOutcome outcome, String linkId, String subject, String action, Instant expiresAt) {

    static LinkCheck tampered() {
        return new LinkCheck(LinkOutcome.TAMPERED, null, null, null, null);
    }

    LinkCheck as(LinkOutcome other) {
        return new LinkCheck(other, linkId, subject, action, expiresAt);
    }

    public boolean valid() {
        return outcome == LinkOutcome.VALID;
    }
}
