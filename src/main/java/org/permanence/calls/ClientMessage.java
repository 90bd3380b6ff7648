package org.permanence.calls;

import java.time.Instant;

/**
 * A handled call as the client's own people read it in the portal: who called, what the secretary noted, and
 * whether one of them has dealt with it ({@code handledAt}, {@code handledBy}: null until then).
 */
public record ClientMessage(String id, Instant receivedAt, String callerName, String callerNumber, String reason, String category,
                            String mood, String notes, Instant handledAt, String handledBy) {
}
