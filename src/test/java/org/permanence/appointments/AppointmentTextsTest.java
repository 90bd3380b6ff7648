package org.permanence.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.permanence.TestClients;
import org.permanence.appointments.AppointmentTexts.Wording;
import org.permanence.clients.Client;

/** What the caller and the client read when an appointment is booked, then moved: the old and the new time, never "booked" again. */
@Tag("unit")
class AppointmentTextsTest {

    /** Monday 4 January 2027 at 10:00 in Paris, moved to Thursday 7 January at 14:30. */
    private static final Instant OLD_START = Instant.parse("2027-01-04T09:00:00Z");
    private static final Instant NEW_START = Instant.parse("2027-01-07T13:30:00Z");
    private static final Map<String, Object> LINKS = Map.of("confirmUrl", "https://x/rdv/confirm?t=1",
            "cancelUrl", "https://x/rdv/cancel?t=1", "rescheduleUrl", "https://x/rdv/reschedule?t=1");

    private final AppointmentTexts texts = new AppointmentTexts();

    @Test
    void theCallerReadsInFrenchThatHerAppointmentMovedFromTheOldTimeToTheNew() {
        Wording moved = texts.write("confirmation", martin("fr"), appointment(NEW_START), OLD_START, "Consultation", LINKS);

        assertThat(moved.subject()).isEqualTo("Rendez-vous déplacé au jeudi 7 janvier 2027 à 14 h 30 — Cabinet du Dr Martin");
        assertThat(moved.text()).contains("Votre rendez-vous (Consultation) avec le Cabinet du Dr Martin du lundi 4 janvier 2027 à 10 h 00 "
                        + "est déplacé au jeudi 7 janvier 2027 à 14 h 30.", "Le secrétariat du Cabinet du Dr Martin", "/rdv/reschedule?t=1")
                .doesNotContain("réservé", "[", "]");
    }

    @Test
    void theCallerReadsItInEnglishWhenTheClientWritesInEnglish() {
        Wording moved = texts.write("confirmation", martin("en"), appointment(NEW_START), OLD_START, "Consultation", LINKS);

        assertThat(moved.subject()).isEqualTo("Appointment moved to Thursday 7 January 2027 at 14:30 — Cabinet du Dr Martin");
        assertThat(moved.text()).contains("on Monday 4 January 2027 at 10:00 is moved to Thursday 7 January 2027 at 14:30.")
                .doesNotContain("booked");
    }

    @Test
    void theClientIsToldTheAppointmentMovedAndWhichSlotIsFreeAgain() {
        Wording french = texts.write("client-event", martin("fr"), appointment(NEW_START), OLD_START, "Consultation", Map.of("cancelled", false));
        Wording english = texts.write("client-event", martin("en"), appointment(NEW_START), OLD_START, "Consultation", Map.of("cancelled", false));

        assertThat(french.subject()).isEqualTo("Rendez-vous déplacé : Mme Petit, jeudi 7 janvier 2027 à 14 h 30");
        assertThat(french.text()).startsWith("Le rendez-vous (Consultation) de Mme Petit du lundi 4 janvier 2027 à 10 h 00 "
                + "est déplacé au jeudi 7 janvier 2027 à 14 h 30 ; l'ancien créneau est de nouveau libre.");
        assertThat(english.subject()).isEqualTo("Appointment moved: Mme Petit, Thursday 7 January 2027 at 14:30");
        assertThat(english.text()).startsWith("The appointment (Consultation) of Mme Petit on Monday 4 January 2027 at 10:00 "
                + "is moved to Thursday 7 January 2027 at 14:30; the old slot is free again.");
    }

    @Test
    void aNewAppointmentIsStillBookedAndACancelledOneCancelled() {
        Wording booked = texts.write("confirmation", martin("fr"), appointment(OLD_START), "Consultation", LINKS);
        Wording event = texts.write("client-event", martin("fr"), appointment(OLD_START), "Consultation", Map.of("cancelled", false));
        Wording cancelled = texts.write("client-event", martin("fr"), appointment(OLD_START), "Consultation", Map.of("cancelled", true));

        assertThat(booked.subject()).isEqualTo("Votre rendez-vous du lundi 4 janvier 2027 à 10 h 00 — Cabinet du Dr Martin");
        assertThat(booked.text()).contains("avec le Cabinet du Dr Martin est réservé le lundi 4 janvier 2027 à 10 h 00.")
                .doesNotContain("déplacé");
        assertThat(event.subject()).isEqualTo("Rendez-vous : Mme Petit, lundi 4 janvier 2027 à 10 h 00");
        assertThat(cancelled.subject()).isEqualTo("Rendez-vous annulé : Mme Petit, lundi 4 janvier 2027 à 10 h 00");
        assertThat(cancelled.text()).doesNotContain("déplacé");
    }

    /** A Paris practice named with its article in sentences: "le Cabinet du Dr Martin". */
    private static Client martin(String language) {
        Client made = TestClients.client("martin", language, Client.MessageDelivery.IMMEDIATELY, LocalTime.of(18, 0));
        return new Client(made.id(), "Cabinet du Dr Martin", language, "Europe/Paris", made.phoneLines(), made.openingHours(),
                made.appointmentTypes(), made.briefing(), made.contactRules(), made.documentCategories(), made.classificationThreshold(),
                "le Cabinet du Dr Martin");
    }

    private static Appointment appointment(Instant start) {
        Instant end = start.plusSeconds(1800);
        return new Appointment("appointment-moved-1", "martin", "consultation", start, end, new Interval(start, end),
                new Appointment.Caller("Mme  Petit", "06 12 34 56 78", "petit@example.fr"), AppointmentStatus.BOOKED, null, 1, null, start, start,
                Appointment.Source.OFFICE);
    }
}
