package org.permanence.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.permanence.TestClients;
import org.permanence.clients.Client;

/** The invitation a caller and a client receive, written from what a caller typed on the booking page. */
@Tag("unit")
class CalendarInvitationTest {

    private static final Instant START = Instant.parse("2026-12-14T09:00:00Z");
    /** A name that, written as typed, would end the ATTENDEE line and add an attendee and an alarm of the caller's choosing. */
    private static final String FORGED_NAME = "Jean\r\nATTENDEE;CN=Pirate:mailto:pirate@evil.example\r\nBEGIN:VALARM\r\n\"Dupont\"";

    @Test
    void aCallersNameWithLineBreaksAddsNoLineToTheInvitation() throws Exception {
        String ics = invitation(FORGED_NAME, "Consultation\r\nX-EVIL:1");

        // every physical line ends with CRLF, none is longer than 75 octets, none was written by the caller
        assertThat(ics.split("\r\n", -1)).allSatisfy(line -> {
            assertThat(line).doesNotContain("\r", "\n");
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        });
        assertThat(ics).doesNotContain("\r\nATTENDEE;CN=Pirate", "\r\nBEGIN:VALARM", "\r\nX-EVIL");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
        assertThat(calendar.getComponents().stream().map(component -> component.getName())).containsExactly("VTIMEZONE", "VEVENT");
        assertThat(event.getComponents()).isEmpty();
        List<Property> attendees = event.getProperties(Property.ATTENDEE);
        assertThat(attendees).singleElement().satisfies(attendee -> {
            assertThat(attendee.getValue()).isEqualTo("mailto:jean@example.fr");
            assertThat(attendee.getParameter("CN").orElseThrow().getValue()).startsWith("Jean").contains("Pirate");
        });
        List<Property> properties = event.getProperties();
        assertThat(properties.stream().map(Property::getName)).doesNotContain("X-EVIL");
        assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue()).startsWith("Consultation");
    }

    @Test
    void aLongNameIsFoldedIntoLinesOfAtMost75OctetsAndReadBackWhole() throws Exception {
        String name = "Élisabeth-Éléonore Hénault-Périgueux de Sévigné-Lévêque épouse Ébrard-Château-Renée";

        String ics = invitation(name, "Première consultation — Éléments à vérifier");

        assertThat(ics.split("\r\n", -1)).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        VEvent event = new CalendarBuilder().build(new StringReader(ics)).<VEvent>getComponents("VEVENT").get(0);
        assertThat(event.getProperty(Property.ATTENDEE).orElseThrow().getParameter("CN").orElseThrow().getValue()).isEqualTo(name);
    }

    @Test
    void theClientsEntryOfAnAppointmentTheCallerBookedOnTheBookingPageSaysSo() throws Exception {
        String booked = invitation("Jean Dupont", "Consultation", Appointment.Source.BOOKING_PAGE, CalendarInvitation.Copy.CLIENT);
        String byOffice = invitation("Jean Dupont", "Consultation", Appointment.Source.OFFICE, CalendarInvitation.Copy.CLIENT);

        assertThat(description(booked)).contains("Pris par l'appelant sur la page de réservation");
        assertThat(description(byOffice)).doesNotContain("page de réservation");
    }

    private static String description(String ics) throws Exception {
        VEvent event = new CalendarBuilder().build(new StringReader(ics)).<VEvent>getComponents("VEVENT").get(0);
        return event.getProperty(Property.DESCRIPTION).orElseThrow().getValue();
    }

    private static String invitation(String callerName, String typeName) {
        return invitation(callerName, typeName, Appointment.Source.OFFICE, CalendarInvitation.Copy.CALLER);
    }

    private static String invitation(String callerName, String typeName, Appointment.Source source, CalendarInvitation.Copy copy) {
        Client client = TestClients.client("ics", "fr", Client.MessageDelivery.IMMEDIATELY, LocalTime.of(18, 0));
        Appointment appointment = new Appointment("appointment-ics-1", client.id(), "consultation", START, START.plusSeconds(1800),
                new Interval(START, START.plusSeconds(1800)), new Appointment.Caller(callerName, "+33612345678", "jean@example.fr"),
                AppointmentStatus.BOOKED, null, 0, null, START, START, source);
        return new String(CalendarInvitation.of(CalendarInvitation.Kind.REQUEST, copy, appointment,
                client, typeName, BookingNotes.NONE, "secretariat@example.fr", START), StandardCharsets.UTF_8);
    }
}
