package org.permanence.calls;

import java.time.Instant;

/**
 * What the secretary recorded once she handled a call, with the process instance it belongs to and
 * who she is ({@code handledBy}: null when the task had no assignee when it was completed). {@code rangAt}
 * is when the case started (null: not known), what a call noted by hand is filed as having rung.
 */
public record HandledCall(String processInstanceId, String businessKey, String clientId, String dialledNumber,
                          String callerNumber, String callerName, String reason, String category, String mood, String notes,
                          String handledBy, Instant rangAt) {

    public HandledCall(String processInstanceId, String businessKey, String clientId, String dialledNumber, String callerNumber,
                       String callerName, String reason, String category, String mood, String notes, String handledBy) {
        this(processInstanceId, businessKey, clientId, dialledNumber, callerNumber, callerName, reason, category, mood, notes,
                handledBy, null);
    }
}
