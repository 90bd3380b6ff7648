package org.permanence.workers.appointments;

import org.camunda.bpm.client.task.ExternalTask;
import org.permanence.appointments.BookingNotes;

/**
 * The call's notes for the client's calendar entry, from the variables call-intake hands to the
 * appointment's process: the reason the secretary noted and who handled the call (and so booked it).
 */
final class CallNotes {

    static final String REASON = "reason";
    static final String HANDLED_BY = "handledBy";

    private CallNotes() {
    }

    static BookingNotes of(ExternalTask task) {
        return new BookingNotes(task.getVariable(REASON), task.getVariable(HANDLED_BY));
    }
}
