package org.permanence.appointments;

import java.time.Instant;

/**
 * A caller's appointment with a client. {@code occupied} is what it keeps others from: its buffers
 * included, on the lock grid. {@code sequence} is the calendar event's SEQUENCE, raised by each change;
 * {@code confirmedAt} when the caller confirmed it with the mail's link; {@code source}: who made it.
 */
public record Appointment(String id, String clientId, String type, Instant start, Instant end, Interval occupied, Caller caller,
                          AppointmentStatus status, String processInstanceId, int sequence, Instant confirmedAt,
                          Instant createdAt, Instant updatedAt, Source source) {

    /** Who made the appointment: the office (a secretary, the call intake) or the caller on the client's booking page. */
    public enum Source {
        OFFICE, BOOKING_PAGE
    }

    /** Who the appointment is for, and how to reach them. */
    public record Caller(String name, String number, String email) {
    }
}
