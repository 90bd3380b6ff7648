package org.permanence.screenpop;

/**
 * A call waiting to be answered, as her Tasklist announces it: the *Traiter l'appel* task, the client
 * whose line rang and how to greet the caller, and to whom the office gave the call (null: the team queue).
 */
public record RingingCall(String taskId, String clientId, String clientName, String greeting, String assignee) {
}
