package org.permanence.calls;

/**
 * What the secretary recorded once she handled a call, with the process instance it belongs to and
 * who she is ({@code handledBy}: null when the task had no assignee when it was completed).
 */
public record HandledCall(String processInstanceId, String businessKey, String clientId, String dialledNumber,
                          String callerNumber, String callerName, String reason, String category, String mood, String notes,
                          String handledBy) {
}
