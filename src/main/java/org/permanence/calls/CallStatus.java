package org.permanence.calls;

/**
 * How far a call has got on the line, in the order it happens. Providers deliver their news at
 * least once and not always in order, so a call's status only ever moves forward.
 */
public enum CallStatus {
    RINGING, ANSWERED, ENDED
}
