package org.permanence.appointments;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.permanence.appointments.BookingOutcome.Booked;
import org.permanence.appointments.BookingOutcome.SlotTaken;
import org.permanence.clients.Client;
import org.permanence.clients.Client.AppointmentType;
import org.permanence.clients.ClientRepository;
import org.permanence.system.FieldProblem;
import org.permanence.system.FieldProblems;
import org.permanence.system.FormOption;
import org.permanence.system.InvalidRequest;
import org.permanence.system.SpokenDates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The steps of the appointment-confirmation process that work on bookings: the free slots shown to
 * the secretary, the booking of the slot she (or the intake) chose, and whether the caller came.
 */
@Service
public class AppointmentRequests {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.FRENCH);
    /** A date and time still typed by hand: day first, as in France ("04/01/2027 10:00" is 4 January). */
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/uuuu H[:][ ]['h'][ ]mm")
            .withResolverStyle(ResolverStyle.STRICT);
    /** The variables the forms' lists read (valuesKey). */
    public static final String TYPE_OPTIONS = "appointmentTypeOptions";
    static final String SLOT_OPTIONS = "slotOptions";
    /** A fortnight of a working day's quarters hours, well under what a form's list shows usefully. */
    private static final int SLOT_OPTIONS_LIMIT = 400;
    /** Below the engine's 4,000 characters for a text variable, with room for the last line. */
    private static final int TEXT_LIMIT = 3_800;

    private final ClientRepository clients;
    private final Bookings bookings;
    private final AppointmentBook book;
    private final AppointmentProperties properties;
    private final FieldProblems problems;
    private final Clock clock;

    @Autowired
    AppointmentRequests(ClientRepository clients, Bookings bookings, AppointmentBook book, AppointmentProperties properties,
                        FieldProblems problems) {
        this(clients, bookings, book, properties, problems, Clock.systemUTC());
    }

    AppointmentRequests(ClientRepository clients, Bookings bookings, AppointmentBook book, AppointmentProperties properties,
                        FieldProblems problems, Clock clock) {
        this.clients = clients;
        this.problems = problems;
        this.bookings = bookings;
        this.book = book;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * For the secretary's task: the client's appointment types, and the free slots of the wanted type
     * over the next days, one line per day (or why there are none).
     */
    public Map<String, Object> freeSlots(String clientId, String typeCode) {
        Client client = client(clientId);
        Map<String, Object> shown = new HashMap<>();
        shown.put("appointmentTypes", client.appointmentTypes().stream()
                .map(type -> type.code() + " (" + type.name() + ", " + type.durationMinutes() + " min)").collect(Collectors.joining(", ")));
        shown.put(TYPE_OPTIONS, typeOptions(client));
        boolean known = client.appointmentTypes().stream().map(AppointmentType::code).anyMatch(code -> code.equals(typeCode));
        if (!known) {
            shown.put("freeSlotsText", "Type de rendez-vous « " + typeCode + " » inconnu : choisissez un des types ci-dessus.");
            shown.put(SLOT_OPTIONS, List.of());
            return shown;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(client.timeZone())));
        List<Slot> slots = bookings.freeSlots(client, typeCode, today, today.plusDays(properties.pickDays() - 1)).slots();
        shown.put("freeSlotsText", slots.isEmpty() ? "Aucun créneau libre dans les " + properties.pickDays() + " jours à venir."
                : freeSlotsText(slots));
        shown.put(SLOT_OPTIONS, slotOptions(slots));
        return shown;
    }

    /** The client's appointment types to pick from: "Consultation (30 min)". */
    public static List<FormOption> typeOptions(Client client) {
        return client.appointmentTypes().stream()
                .map(type -> new FormOption(type.name() + " (" + type.durationMinutes() + " min)", type.code())).toList();
    }

    /**
     * The free slots to pick from, in order, each named by its day and hour on the client's clocks
     * ("lundi 4 janvier 2027 — 10 h 00"), so that the list reads grouped by day; the value is the
     * client's wall-clock time, as {@link #book} reads it. As many as a JSON variable holds at ease.
     */
    private static List<FormOption> slotOptions(List<Slot> slots) {
        return slots.stream().limit(SLOT_OPTIONS_LIMIT)
                .map(slot -> new FormOption(SpokenDates.slot(slot.local(), "fr"), slot.local().toString())).toList();
    }

    /**
     * One line per day, runs of slots one step apart written as one range ("08:00 à 11:30"): the engine
     * keeps a text variable of at most 4,000 characters, and a busy secretary reads ranges faster.
     */
    private String freeSlotsText(List<Slot> slots) {
        Map<LocalDate, List<Slot>> byDay = slots.stream().collect(Collectors.groupingBy(slot -> slot.local().toLocalDate(),
                TreeMap::new, Collectors.toList()));
        StringBuilder text = new StringBuilder();
        for (Map.Entry<LocalDate, List<Slot>> day : byDay.entrySet()) {
            String line = "- **" + DAY.format(day.getKey()) + "** : " + ranges(day.getValue()) + "\n";
            if (text.length() + line.length() > TEXT_LIMIT) {
                text.append("- … les jours suivants ne tiennent pas ici : choisissez d'abord parmi ceux-ci.\n");
                break;
            }
            text.append(line);
        }
        return text.toString().strip();
    }

    private String ranges(List<Slot> day) {
        List<String> ranges = new ArrayList<>();
        Slot first = day.get(0);
        Slot last = first;
        for (Slot slot : day.subList(1, day.size())) {
            if (!slot.start().equals(last.start().plus(properties.slotStep()))) {
                ranges.add(range(first, last));
                first = slot;
            }
            last = slot;
        }
        ranges.add(range(first, last));
        return String.join(", ", ranges);
    }

    private static String range(Slot first, Slot last) {
        return first == last ? first.local().toLocalTime().toString()
                : first.local().toLocalTime() + " à " + last.local().toLocalTime();
    }

    /**
     * Books the chosen slot ({@code slotStart}: the client's wall-clock time, as the form gives it) for
     * the process instance; booking again for the same instance answers the same appointment.
     * Throws {@link SlotUnavailable} when it is taken or the client's rules forbid it.
     */
    public Map<String, Object> book(String processInstanceId, String clientId, String typeCode, String slotStart, String callerName,
                                    String callerNumber, String callerEmail) {
        Client client = client(clientId);
        LocalDateTime local = local(slotStart);
        BookingRequest request = new BookingRequest(typeCode, local.atZone(ZoneId.of(client.timeZone())).toOffsetDateTime(),
                callerName == null || callerName.isBlank() ? "Appelant" : callerName, callerNumber, callerEmail);
        BookingOutcome outcome;
        try {
            outcome = bookings.book(client, request, processInstanceId);
        } catch (InvalidRequest refused) {
            throw new SlotUnavailable(SlotUnavailable.REFUSED, "Le créneau du " + SpokenDates.at(local, "fr") + " ne peut pas être réservé : "
                    + problems.say(refused.problems(), Locale.FRENCH).stream().map(FieldProblem::message).collect(Collectors.joining(" ; ")) + ".");
        }
        if (outcome instanceof SlotTaken taken) {
            throw new SlotUnavailable(SlotUnavailable.TAKEN, "Le créneau du " + SpokenDates.at(taken.local(), "fr")
                    + " vient d'être pris : choisissez-en un autre.");
        }
        Map<String, Object> booked = new HashMap<>();
        booked.put("appointmentId", ((Booked) outcome).appointment().id());
        // the problem of an earlier try is solved: the next pick (after a reschedule) starts clean
        booked.put("slotProblem", null);
        return booked;
    }

    /** The secretary's answer after the appointment: {@code attended} or {@code no-show}. */
    public void recordAttendance(String appointmentId, String attendance) {
        AppointmentStatus status = switch (attendance == null ? "" : attendance) {
            case "attended" -> AppointmentStatus.ATTENDED;
            case "no-show" -> AppointmentStatus.NO_SHOW;
            default -> throw new IllegalArgumentException("attendance is 'attended' or 'no-show', not '" + attendance + "'");
        };
        book.markAttendance(appointmentId, status, clock.instant());
    }

    private Client client(String clientId) {
        return clients.findById(clientId).orElseThrow(() -> new IllegalStateException("No client '" + clientId + "'"));
    }

    /**
     * The slot as the forms give it: picked from the list (ISO, "2027-01-04T10:00") or typed the French
     * way, day first ("04/01/2027 10:00", "04/01/2027 10 h 00"); never month first.
     */
    static LocalDateTime local(String slotStart) {
        String typed = slotStart == null ? "" : slotStart.strip();
        try {
            return typed.contains("/") ? LocalDateTime.parse(typed, TYPED) : LocalDateTime.parse(typed);
        } catch (DateTimeParseException notADateTime) {
            throw new SlotUnavailable(SlotUnavailable.REFUSED,
                    "« " + slotStart + " » n'est pas un créneau : choisissez-en un dans la liste, ou écrivez le jour et l'heure"
                            + " sous la forme jj/mm/aaaa hh:mm, par exemple 04/01/2027 10:00.");
        }
    }
}
