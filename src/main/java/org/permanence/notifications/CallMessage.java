package org.permanence.notifications;

import java.time.Instant;

/**
 * What the secretary noted about one call, as the client is told it: now, urgently, or in the daily
 * summary. {@code callId} is the call's process instance id; {@code mood} is calm, annoyed, angry or
 * distressed; {@code notes} may be null.
 */
public record CallMessage(String callId, String clientId, String callerName, String callerNumber, String reason,
                          String category, String mood, String notes, Instant receivedAt) {
}
