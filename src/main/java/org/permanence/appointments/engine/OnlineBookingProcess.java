package org.permanence.appointments.engine;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.permanence.appointments.Appointment.Source;
import org.permanence.appointments.BookingOutcome;
import org.permanence.appointments.BookingOutcome.SlotTaken;
import org.permanence.appointments.BookingRequest;
import org.permanence.appointments.Bookings;
import org.permanence.appointments.OnlineBookings;
import org.permanence.clients.Client;
import org.permanence.system.EngineNode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A caller's own booking: the appointment-confirmation instance is started with the slot chosen, as the
 * call intake hands it over, and the slot is booked for that instance in the same transaction (the engine
 * shares Spring's). Its "book the slot" step then finds its appointment already made (a retried step does
 * the same) and goes on to the confirmation. A slot taken meanwhile rolls the start back too: no instance
 * is left waiting for a secretary to pick a slot the caller is choosing again on the page.
 */
@Component
@EngineNode
class OnlineBookingProcess implements OnlineBookings {

    private final RuntimeService runtime;
    private final IdentityService identity;
    private final Bookings bookings;
    private final TransactionTemplate transaction;

    OnlineBookingProcess(RuntimeService runtime, IdentityService identity, Bookings bookings, PlatformTransactionManager transactions) {
        this.runtime = runtime;
        this.identity = identity;
        this.bookings = bookings;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public BookingOutcome book(Client client, BookingRequest request) {
        // the page needs no sign-in; a secretary signed in to Tasklist in the same browser is not the one starting it
        Authentication signedIn = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return transaction.execute(status -> {
                String instance = runtime.startProcessInstanceByKey(AppointmentConfirmationProcess.PROCESS_KEY,
                        "booking-page-" + UUID.randomUUID(), variables(client, request)).getId();
                BookingOutcome outcome = bookings.book(client, request, instance, Source.BOOKING_PAGE);
                if (outcome instanceof SlotTaken) {
                    status.setRollbackOnly();
                }
                return outcome;
            });
        } finally {
            if (signedIn != null) {
                identity.setAuthentication(signedIn);
            }
        }
    }

    /** What the call intake hands the process, the slot in the client's wall-clock time as the pick-slot form gives it. */
    private static Map<String, Object> variables(Client client, BookingRequest request) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("clientId", client.id());
        variables.put("clientName", client.name());
        variables.put("callerName", request.callerName());
        variables.put("callerNumber", request.callerNumber());
        variables.put("callerEmail", request.callerEmail());
        variables.put("appointmentType", request.type());
        variables.put("slotStart", request.start().atZoneSameInstant(ZoneId.of(client.timeZone())).toLocalDateTime().toString());
        return variables;
    }
}
