package org.permanence.assignment;

/**
 * A task that just appeared, as the policy sees it: its type (the BPMN task id, e.g.
 * {@code HandleCall}), its priority, and the category the secretary gave the call it comes from (null before that).
 */
public record TaskToAssign(String type, int priority, String callCategory) {
}
