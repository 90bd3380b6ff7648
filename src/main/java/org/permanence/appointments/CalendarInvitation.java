package org.permanence.appointments;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
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
 * raised by each change, so a calendar replaces its copy instead of adding another. Times are in UTC,
 * which every calendar shows in its own zone.
 */
final class CalendarInvitation {

    static final String FILE_NAME = "rendez-vous.ics";
    /** The longest content line RFC 5545 allows, line break excluded. */
    private static final int MAX_OCTETS = 75;

    enum Kind { REQUEST, CANCEL }

    private CalendarInvitation() {
    }

    static String uid(Appointment appointment) {
        return appointment.id() + "@permanence";
    }

    static String contentType(Kind kind) {
        return "text/calendar; charset=UTF-8; method=" + kind.name();
    }

    static byte[] of(Kind kind, Appointment appointment, Client client, String typeName, String organizerEmail, Instant now) {
        VEvent event = new VEvent(appointment.start(), appointment.end(), PlainText.oneLine(typeName + " — " + client.name()));
        event.add(new Uid(uid(appointment)));
        event.add(new Sequence(appointment.sequence()));
        event.replace(new DtStamp(now));
        event.add(organizer(client, organizerEmail));
        if (appointment.caller().email() != null) {
            event.add(attendee(appointment));
        }
        event.add(kind == Kind.CANCEL ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Permanence//Appointments//FR"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(kind == Kind.CANCEL ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
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

    private static Organizer organizer(Client client, String email) {
        Organizer organizer = new Organizer(URI.create("mailto:" + email));
        organizer.add(new Cn(PlainText.oneLine(client.name())));
        return organizer;
    }

    private static Attendee attendee(Appointment appointment) {
        Attendee attendee = new Attendee(URI.create("mailto:" + appointment.caller().email()));
        // what the caller typed: ical4j quotes a parameter, but a line break (a lone CR too) would end the content line
        attendee.add(new Cn(PlainText.oneLine(appointment.caller().name())));
        attendee.add(Role.REQ_PARTICIPANT);
        attendee.add(PartStat.ACCEPTED);
        return attendee;
    }
}
