package org.permanence.appointments;

/**
 * What the call that led to the appointment said, for the client's calendar entry: the caller's
 * {@code reason} as the secretary noted it, and who booked it ({@code bookedBy}, the secretary's user
 * id). Either may be null: an appointment booked without a call, or by a task nobody had taken.
 */
public record BookingNotes(String reason, String bookedBy) {

    public static final BookingNotes NONE = new BookingNotes(null, null);
}
