package org.permanence.calls;

/** What the secretary recorded once she handled a call, with the process instance it belongs to. */
public record HandledCall(String processInstanceId, String businessKey, String clientId, String dialledNumber,
                          String callerNumber, String callerName, String reason, String category, String mood, String notes) {
}
