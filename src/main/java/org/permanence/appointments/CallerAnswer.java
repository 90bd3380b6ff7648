package org.permanence.appointments;

import java.time.Instant;
import java.util.List;

import org.permanence.clients.Client;

/**
 * What a caller's link page shows: the {@code state} of the link and appointment, and when it is
 * known, the appointment, its client and type, and the free slots to move it to (reschedule only);
 * once it moved, {@code movedFrom} is its start before, which the page names with the new one.
 */
public record CallerAnswer(State state, Appointment appointment, Client client, String typeName, List<Slot> slots, Instant movedFrom) {

    public CallerAnswer(State state, Appointment appointment, Client client, String typeName, List<Slot> slots) {
        this(state, appointment, client, typeName, slots, null);
    }

    public enum State {
        /** The link may be used: the page asks the caller to go ahead. */
        READY,
        /** Done: confirmed, cancelled or moved. */
        DONE,
        TAMPERED, EXPIRED, USED, WRONG_ACTION,
        /** The appointment changed since this link was sent (moved): the latest mail has the links that work. */
        OUTDATED,
        /** Cancelled or over: nothing to change any more. */
        NOT_BOOKED,
        /** Someone took the chosen slot a moment before: pick another. */
        SLOT_TAKEN,
        /** The chosen time is not one the client offers (or no longer: too soon). */
        SLOT_REFUSED,
        /** The appointment's process cannot take an answer right now; nothing was changed. */
        NOT_NOW;

        public boolean changedNothing() {
            return this != DONE;
        }
    }

    static CallerAnswer refused(State state) {
        return new CallerAnswer(state, null, null, null, List.of());
    }

    CallerAnswer as(State other) {
        return new CallerAnswer(other, appointment, client, typeName, slots, movedFrom);
    }
}
