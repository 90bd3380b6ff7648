package org.permanence.workers.appointments;

import org.camunda.bpm.client.task.ExternalTask;
import org.permanence.appointments.BookingNotes;

/**
 * The call's notes for the client's calendar entry, from the variables call-intake hands to the
 * appointment's process: the reason the secretary noted, and who booked it: the secretary who took
 * the appointment or picked its slot, or else the one who handled the call.
 */
final class CallNotes {

    static final String REASON = "reason";
    static final String HANDLED_BY = "handledBy";
    static final String BOOKED_BY = "bookedBy";

    private CallNotes() {
    }

    static BookingNotes of(ExternalTask task) {
        String bookedBy = task.getVariable(BOOKED_BY);
        return new BookingNotes(task.getVariable(REASON), bookedBy != null ? bookedBy : task.getVariable(HANDLED_BY));
    }
}
