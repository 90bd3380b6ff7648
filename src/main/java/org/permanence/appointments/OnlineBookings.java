package org.permanence.appointments;

import org.permanence.clients.Client;

/**
 * Appointments callers book themselves, on a client's booking page: the same appointment-confirmation
 * process as the office's, started on the slot the caller picked, and the same booking rules.
 */
public interface OnlineBookings {

    /**
     * Books the slot and starts its appointment-confirmation process in one transaction, so that the
     * caller learns at once whether she has it: {@link BookingOutcome.Booked} (the process then sends
     * the confirmation, invitation and links as for any appointment) or {@link BookingOutcome.SlotTaken}
     * (someone else took it a moment before; nothing is kept, no process is left behind). A slot the
     * client's rules refuse, or a caller that cannot be reached, throws
     * {@link org.permanence.system.InvalidRequest} and keeps nothing either.
     */
    BookingOutcome book(Client client, BookingRequest request);
}
