package org.permanence.clients;

import java.time.Instant;

/**
 * A client away for a while, as one of its people said it in the portal: what the secretary reads on the
 * briefing card ({@code message}), where urgent calls go meanwhile ({@code urgentTo}, E.164, or null), and when it
 * ends by itself.
 */
public record ClientAbsence(String clientId, String message, String urgentTo, Instant endsAt, String setBy, Instant setAt) {

    /** Longest an absence may be written: the card shows it whole. */
    public static final int MAX_MESSAGE = 500;
}
