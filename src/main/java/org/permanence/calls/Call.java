package org.permanence.calls;

import java.time.Instant;

/**
 * A call as the office keeps it: where it came from, and what the secretary recorded once she
 * handled it (empty until then). Numbers are in E.164 form when they are phone numbers at all
 * (a hidden caller is kept as the provider wrote it).
 */
public record Call(String id, String processInstanceId, String businessKey, String provider, String providerCallId,
                   String clientId, String dialledNumber, String callerNumber, CallStatus status, Instant receivedAt,
                   String callerName, String reason, String category, String mood, String notes, Instant recordedAt) {
}
