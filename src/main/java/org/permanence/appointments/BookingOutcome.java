package org.permanence.appointments;

import java.time.LocalDateTime;

/**
 * What became of a booking. A slot taken is an ordinary outcome, not an error: someone else booked
 * it a moment before, and the secretary (or, later, the process) picks another.
 */
public sealed interface BookingOutcome {

    record Booked(Appointment appointment) implements BookingOutcome {
    }

    /** {@code local} is the start on the client's clocks, to tell the secretary which slot went. */
    record SlotTaken(LocalDateTime local) implements BookingOutcome {

        public String message() {
            return "The slot at " + local + " has just been taken; pick another free slot.";
        }
    }
}
