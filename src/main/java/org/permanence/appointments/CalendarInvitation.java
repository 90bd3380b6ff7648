package org.permanence.appointments;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.permanence.clients.Client;
import org.permanence.system.PlainText;

/**
 * The appointment as a calendar event (RFC 5545/5546) the caller's and the client's calendars file
 * by themselves: {@code METHOD:REQUEST} for a new or moved appointment, {@code METHOD:CANCEL} when it
 * is cancelled. The UID is the appointment's and never changes; SEQUENCE is the appointment's,
 * raised by each change, so a calendar replaces its copy instead of adding another.
 *
 * <p>The organizer is always the secretariat (the office's sending address), and each copy names its
 * reader as an attendee, as RFC 5546 asks of a REQUEST or CANCEL: the caller on the caller's copy, the
 * client (and the caller, when there is an address) on the client's. Both are marked as having
 * accepted, without asking for a reply: the appointment was agreed on the phone, and nobody reads
 * replies at the secretariat's address. The client's copy is titled with the caller's name and says
 * what the client needs to tell entries apart (phone, reason, who booked it). Times are the client's
 * wall-clock times with its zone's TZID and VTIMEZONE, so that a calendar in another zone still shows
 * the right time and one that ignores TZID reads the client's.
 */
final class CalendarInvitation {

    static final String FILE_NAME = "rendez-vous.ics";
    /** The longest content line RFC 5545 allows, line break excluded. */
    private static final int MAX_OCTETS = 75;
    /** ical4j's zone definitions (bundled tzurl.org data), loaded once. */
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    enum Kind { REQUEST, CANCEL }

    /** Whose calendar the copy is for. */
    enum Copy { CALLER, CLIENT }

    private CalendarInvitation() {
    }

    static String uid(Appointment appointment) {
        return appointment.id() + "@permanence";
    }

    static String contentType(Kind kind) {
        return "text/calendar; charset=UTF-8; method=" + kind.name();
    }

    static byte[] of(Kind kind, Copy copy, Appointment appointment, Client client, String typeName, BookingNotes notes,
                     String organizerEmail, Instant now) {
        ZoneId zone = ZoneId.of(client.timeZone());
        String title = typeName + " — " + (copy == Copy.CLIENT ? appointment.caller().name() : client.name());
        VEvent event = new VEvent(appointment.start().atZone(zone), appointment.end().atZone(zone), PlainText.oneLine(title));
        event.add(new Uid(uid(appointment)));
        event.add(new Sequence(appointment.sequence()));
        event.replace(new DtStamp(now));
        event.add(organizer(client, organizerEmail));
        if (copy == Copy.CLIENT) {
            event.add(attendee(client.contactRules().email(), client.name(), Role.CHAIR));
            event.add(new Description(description(client, appointment, notes)));
        }
        if (appointment.caller().email() != null) {
            event.add(attendee(appointment.caller().email(), appointment.caller().name(), Role.REQ_PARTICIPANT));
        }
        event.add(kind == Kind.CANCEL ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Permanence//Appointments//FR"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(kind == Kind.CANCEL ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(ZONES.getTimeZone(zone.getId()).getVTimeZone());
        calendar.add(event);
        StringWriter text = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return foldedInOctets(text.toString()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Content lines of at most 75 octets, as RFC 5545 (3.1) asks: ical4j folds at 73 characters,
     * which a name with accents makes longer than 75 octets. Its lines are unfolded and folded again
     * between characters, never inside one.
     */
    static String foldedInOctets(String calendar) {
        StringBuilder folded = new StringBuilder();
        for (String line : calendar.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > MAX_OCTETS) {
                    folded.append("\r\n ");
                    octets = 1;
                }
                folded.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            folded.append("\r\n");
        }
        return folded.toString();
    }

    /** The secretariat, named for the client it answers for: the caller knows the client, not the office. */
    private static Organizer organizer(Client client, String email) {
        Organizer organizer = new Organizer(URI.create("mailto:" + email));
        String office = "fr".equals(client.language()) ? "Secrétariat de " : "Secretarial team of ";
        organizer.add(new Cn(PlainText.oneLine(office + client.name())));
        return organizer;
    }

    private static Attendee attendee(String email, String name, Role role) {
        Attendee attendee = new Attendee(URI.create("mailto:" + email));
        // what the caller typed: ical4j quotes a parameter, but a line break (a lone CR too) would end the content line
        attendee.add(new Cn(PlainText.oneLine(name)));
        attendee.add(role);
        attendee.add(PartStat.ACCEPTED);
        attendee.add(Rsvp.FALSE);
        return attendee;
    }

    /**
     * One fact a line, each on one line whatever the caller typed; ical4j escapes the line breaks
     * between them and the commas and semicolons within (RFC 5545 3.3.11).
     */
    private static String description(Client client, Appointment appointment, BookingNotes notes) {
        boolean french = "fr".equals(client.language());
        List<String> lines = new ArrayList<>();
        lines.add((french ? "Appelant : " : "Caller: ") + PlainText.oneLine(appointment.caller().name()));
        if (appointment.caller().number() != null) {
            lines.add((french ? "Téléphone : " : "Phone: ") + appointment.caller().number());
        }
        if (appointment.caller().email() != null) {
            lines.add((french ? "E-mail : " : "E-mail: ") + PlainText.oneLine(appointment.caller().email()));
        }
        if (notes.reason() != null && !notes.reason().isBlank()) {
            lines.add((french ? "Motif : " : "Reason: ") + PlainText.oneLine(notes.reason()));
        }
        if (appointment.source() == Appointment.Source.BOOKING_PAGE) {
            lines.add(french ? "Pris par l'appelant sur la page de réservation" : "Booked by the caller on the booking page");
        } else if (notes.bookedBy() != null) {
            lines.add((french ? "Pris par : " : "Booked by: ") + PlainText.oneLine(notes.bookedBy()));
        }
        return String.join("\n", lines);
    }
}
