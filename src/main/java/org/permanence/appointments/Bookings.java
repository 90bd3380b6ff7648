package org.permanence.appointments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.permanence.appointments.Appointment.Caller;
import org.permanence.appointments.Appointment.Source;
import org.permanence.appointments.BookingOutcome.Booked;
import org.permanence.appointments.BookingOutcome.SlotTaken;
import org.permanence.clients.Client.AppointmentType;
import org.permanence.clients.Client;
import org.permanence.clients.PhoneNumbers;
import org.permanence.system.FieldProblem;
import org.permanence.system.InvalidRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * A client's appointments as the secretaries make them: free slots to offer, bookings that keep the
 * client's rules ({@link Availability}) and never double-book ({@link AppointmentBook}), cancellations
 * that free the slot. Callers pass the client they already may see.
 */
@Service
public class Bookings {

    private final AppointmentBook book;
    private final AppointmentProperties properties;
    private final Availability availability;
    private final Clock clock;

    @Autowired
    Bookings(AppointmentBook book, AppointmentProperties properties) {
        this(book, properties, Clock.systemUTC());
    }

    Bookings(AppointmentBook book, AppointmentProperties properties, Clock clock) {
        this.book = book;
        this.properties = properties;
        this.availability = new Availability(properties.slotStep());
        this.clock = clock;
    }

    /** Free slots from the first day to the last, both included, on the client's calendar. */
    public FreeSlots freeSlots(Client client, String typeCode, LocalDate from, LocalDate to) {
        List<FieldProblem> problems = new ArrayList<>();
        AppointmentType type = typeOf(client, typeCode, problems);
        if (to.isBefore(from)) {
            problems.add(FieldProblem.of("to", "appointment.days.toBeforeFrom", "is before from (" + from + "); give the last day wanted", from));
        } else if (ChronoUnit.DAYS.between(from, to) >= properties.maxDays()) {
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            LocalDate last = from.plusDays(properties.maxDays() - 1);
            problems.add(FieldProblem.of("to", "appointment.days.tooMany", "asks for " + days + " days; list at most "
                    + properties.maxDays() + " at once, up to " + last + " from " + from, days, properties.maxDays(), last, from));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        ZoneId zone = ZoneId.of(client.timeZone());
        // a day longer on each side: the days' opening ranges in real time lie well within
        Interval days = new Interval(from.minusDays(1).atStartOfDay(zone).toInstant(), to.plusDays(2).atStartOfDay(zone).toInstant());
        Diary diary = new Diary(zone, client.openingHours(), book.closures(client.id()), book.occupiedDuring(client.id(), days));
        return new FreeSlots(client.id(), type.code(), client.timeZone(), from, to,
                availability.freeSlots(diary, type, from, to, clock.instant()));
    }

    /**
     * Books the caller in, when the client's rules allow that start (otherwise 400 with the field
     * problems) and nobody holds any of its time (otherwise {@link SlotTaken}).
     */
    public BookingOutcome book(Client client, BookingRequest request) {
        return book(client, request, null);
    }

    /**
     * As {@link #book(Client, BookingRequest)}, for the appointment-confirmation process instance given:
     * once it has its appointment, booking again (a retried step) answers that appointment.
     */
    public BookingOutcome book(Client client, BookingRequest request, String processInstanceId) {
        return book(client, request, processInstanceId, Source.OFFICE);
    }

    /** As {@link #book(Client, BookingRequest, String)}, noting who made the appointment. */
    public BookingOutcome book(Client client, BookingRequest request, String processInstanceId, Source source) {
        if (processInstanceId != null) {
            Optional<Appointment> booked = book.ofProcess(processInstanceId);
            if (booked.isPresent()) {
                return new Booked(booked.get());
            }
        }
        List<FieldProblem> problems = new ArrayList<>();
        AppointmentType type = typeOf(client, request.type(), problems);
        String number = callerNumber(request, problems);
        Instant start = request.start().toInstant();
        if (type != null) {
            refusal(client, type, start).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        try {
            Caller caller = new Caller(request.callerName(), number, blankToNull(request.callerEmail()));
            return new Booked(book.book(client.id(), type, start, caller, processInstanceId, source, clock.instant()));
        } catch (DuplicateKeyException taken) {
            return new SlotTaken(LocalDateTime.ofInstant(start, ZoneId.of(client.timeZone())));
        }
    }

    /**
     * Moves a booked appointment to a new start (same rules as booking); {@link SlotTaken} leaves it
     * where it was. Inside a transaction, a taken slot ends it: the caller must let it roll back.
     */
    public BookingOutcome reschedule(Client client, String appointmentId, Instant start) {
        Appointment appointment = get(client, appointmentId);
        List<FieldProblem> problems = new ArrayList<>();
        AppointmentType type = typeOf(client, appointment.type(), problems);
        if (type != null) {
            refusal(client, type, start).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        if (appointment.status() != AppointmentStatus.BOOKED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "Appointment " + appointmentId + " is " + appointment.status() + "; only a booked appointment can be moved");
        }
        try {
            book.move(client.id(), appointmentId, type, start, clock.instant());
            return new Booked(get(client, appointmentId));
        } catch (DuplicateKeyException taken) {
            return new SlotTaken(LocalDateTime.ofInstant(start, ZoneId.of(client.timeZone())));
        }
    }

    private Optional<FieldProblem> refusal(Client client, AppointmentType type, Instant start) {
        Diary diary = new Diary(ZoneId.of(client.timeZone()), client.openingHours(), book.closures(client.id()), List.of());
        return availability.refusal(diary, type, start, clock.instant());
    }

    /** Cancels the appointment and frees its slot; cancelling it again changes nothing. */
    public Appointment cancel(Client client, String appointmentId) {
        Appointment appointment = get(client, appointmentId);
        if (appointment.status() == AppointmentStatus.BOOKED) {
            book.cancel(client.id(), appointmentId, clock.instant());
            return get(client, appointmentId);
        }
        if (appointment.status() != AppointmentStatus.CANCELLED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "Appointment " + appointmentId + " is " + appointment.status() + "; only a booked appointment can be cancelled");
        }
        return appointment;
    }

    public Appointment get(Client client, String appointmentId) {
        return book.find(client.id(), appointmentId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No appointment '" + appointmentId + "' for client '" + client.id() + "'"));
    }

    public ClientClosures closures(Client client) {
        return new ClientClosures(book.closures(client.id()));
    }

    public ClientClosures replaceClosures(Client client, ClientClosures closures) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < closures.closures().size(); i++) {
            Closure closure = closures.closures().get(i);
            if (!closure.from().isBefore(closure.to())) {
                problems.add(FieldProblem.of("closures[" + i + "].to", "appointment.closure.notAfterFrom", "is not after from ("
                        + closure.from() + "); a whole day closes from its 00:00 to the next day's 00:00", closure.from()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        book.replaceClosures(client.id(), closures.closures());
        return closures(client);
    }

    private static AppointmentType typeOf(Client client, String code, List<FieldProblem> problems) {
        return client.appointmentTypes().stream().filter(type -> type.code().equals(code)).findFirst().orElseGet(() -> {
            List<String> codes = client.appointmentTypes().stream().map(AppointmentType::code).toList();
            problems.add(FieldProblem.of("type", "appointment.type.unknown", "unknown appointment type '" + code
                    + "'; this client's types are " + codes, code, String.join(", ", codes)));
            return null;
        });
    }

    private static String callerNumber(BookingRequest request, List<FieldProblem> problems) {
        String number = blankToNull(request.callerNumber());
        if (number == null) {
            if (blankToNull(request.callerEmail()) == null) {
                problems.add(FieldProblem.of("callerNumber", "appointment.caller.noContact",
                        "give the caller's phone number or e-mail address, to confirm the appointment"));
            }
            return null;
        }
        return PhoneNumbers.e164(number).orElseGet(() -> {
            problems.add(FieldProblem.of("callerNumber", "appointment.caller.notANumber",
                    "'" + number + "' is not a phone number; write it as 06 12 34 56 78 or +33 6 12 34 56 78", number));
            return null;
        });
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
