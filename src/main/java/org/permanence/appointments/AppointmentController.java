package org.permanence.appointments;

import java.net.URI;
import java.time.LocalDate;

import jakarta.validation.Valid;
import org.permanence.appointments.BookingOutcome.Booked;
import org.permanence.appointments.BookingOutcome.SlotTaken;
import org.permanence.clients.Client;
import org.permanence.clients.Clients;
import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A client's free slots, appointments and closures, for the secretaries who serve it and the
 * managers; another client's answer 404, as in {@code /api/clients/{id}}.
 */
@RestController
@EngineNode
@RequestMapping("/api/clients/{id}")
class AppointmentController {

    private static final URI SLOT_TAKEN = URI.create("urn:permanence:slot-taken");

    private final Clients clients;
    private final Bookings bookings;
    private final SecretaryCancellations cancellations;

    AppointmentController(Clients clients, Bookings bookings, SecretaryCancellations cancellations) {
        this.clients = clients;
        this.bookings = bookings;
        this.cancellations = cancellations;
    }

    @GetMapping("/free-slots")
    FreeSlots freeSlots(SignedInUser user, @PathVariable String id, @RequestParam String type,
                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return bookings.freeSlots(clients.get(user, id), type, from, to);
    }

    @PostMapping("/appointments")
    ResponseEntity<?> book(SignedInUser user, @PathVariable String id, @Valid @RequestBody BookingRequest request) {
        BookingOutcome outcome = bookings.book(clients.get(user, id), request);
        if (outcome instanceof SlotTaken taken) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, taken.message());
            problem.setType(SLOT_TAKEN);
            problem.setTitle("Slot taken");
            problem.setProperty("local", taken.local());
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        Appointment booked = ((Booked) outcome).appointment();
        return ResponseEntity.created(URI.create("/api/clients/" + id + "/appointments/" + booked.id())).body(booked);
    }

    @GetMapping("/appointments/{appointmentId}")
    Appointment appointment(SignedInUser user, @PathVariable String id, @PathVariable String appointmentId) {
        return bookings.get(clients.get(user, id), appointmentId);
    }

    @PostMapping("/appointments/{appointmentId}/cancel")
    Appointment cancel(SignedInUser user, @PathVariable String id, @PathVariable String appointmentId) {
        return cancellations.cancel(clients.get(user, id), appointmentId);
    }

    @GetMapping("/closures")
    ClientClosures closures(SignedInUser user, @PathVariable String id) {
        return bookings.closures(clients.get(user, id));
    }

    @PutMapping("/closures")
    ClientClosures replaceClosures(SignedInUser user, @PathVariable String id, @Valid @RequestBody ClientClosures closures) {
        // managers only (OfficeAccess)
        return bookings.replaceClosures(clients.get(user, id), closures);
    }
}
