package org.permanence.assignment;

/**
 * A task to give someone, as the policy sees it: its type (the BPMN task id, e.g. {@code HandleCall}), its
 * priority, the category the secretary gave the call it comes from (null before that), and who took that call
 * (null: no call was taken before it), who should have its follow-ups.
 */
public record TaskToAssign(String type, int priority, String callCategory, String takenBy) {

    /** Work that follows no call taken. */
    public TaskToAssign(String type, int priority, String callCategory) {
        this(type, priority, callCategory, null);
    }
}
