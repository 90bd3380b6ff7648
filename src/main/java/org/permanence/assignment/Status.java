package org.permanence.assignment;

/** What a secretary says she is doing, which decides what work may reach her. */
public enum Status {
    /** Takes any work of the clients she serves. */
    AVAILABLE,
    /** Concentrating until a time: only urgent work reaches her. */
    FOCUS,
    /** On a break until a time: nothing reaches her. */
    BREAK,
    /** Not at work: nothing reaches her. */
    AWAY;

    /** Focus and break end by themselves; available and away last until she changes them. */
    boolean hasEnd() {
        return this == FOCUS || this == BREAK;
    }
}
