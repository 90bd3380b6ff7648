package org.permanence.appointments;

import org.permanence.clients.Client;
import org.permanence.system.EngineNode;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * A secretary cancels an appointment for the caller (who phoned instead of clicking): the slot is
 * freed and, when a process looks after the appointment, it is told as if the caller had clicked,
 * so the caller and the client get the cancellation and no reminder goes. Both, or neither.
 */
@Service
@EngineNode
class SecretaryCancellations {

    private final Bookings bookings;
    private final CallerReplies replies;

    SecretaryCancellations(Bookings bookings, CallerReplies replies) {
        this.bookings = bookings;
        this.replies = replies;
    }

    @Transactional
    Appointment cancel(Client client, String appointmentId) {
        Appointment before = bookings.get(client, appointmentId);
        Appointment after = bookings.cancel(client, appointmentId);
        if (before.status() == AppointmentStatus.BOOKED && before.processInstanceId() != null) {
            try {
                replies.cancelled(before);
            } catch (CallerReplies.NotWaiting notWaiting) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "Appointment " + appointmentId
                        + " cannot be cancelled now: its confirmation process does not wait for the appointment (any more); nothing changed",
                        notWaiting);
            }
        }
        return after;
    }
}
