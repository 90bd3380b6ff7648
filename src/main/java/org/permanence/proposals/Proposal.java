package org.permanence.proposals;

import java.time.Instant;

/**
 * A change to one client's settings, as a secretary proposed it and a manager decided it: the value when she
 * proposed ({@code before}), hers ({@code proposed}), why, and, once decided, who decided, when, and the word back.
 * Kept after the decision: the history of who proposed and who applied.
 */
public record Proposal(String id, String clientId, Subject subject, String before, String proposed, String reason,
                       String proposedBy, Instant proposedAt, State state, String decidedBy, Instant decidedAt, String answer) {

    public enum State { PENDING, APPLIED, DECLINED }

    public boolean pending() {
        return state == State.PENDING;
    }
}
