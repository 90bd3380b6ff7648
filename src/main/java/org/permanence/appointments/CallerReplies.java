package org.permanence.appointments;

/**
 * Tells the appointment's process what the caller did with a link, within the caller's transaction:
 * when the process cannot take it (it no longer waits for the caller), {@link NotWaiting} rolls it all back.
 */
public interface CallerReplies {

    void confirmed(Appointment appointment);

    void cancelled(Appointment appointment);

    /** {@code appointment} as it was before it moved: its start is the old time the mails name. */
    void rescheduled(Appointment appointment);

    /** The appointment's process does not (or no longer) wait for the caller's answer. */
    class NotWaiting extends RuntimeException {

        public NotWaiting(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
