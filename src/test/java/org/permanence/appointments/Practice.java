package org.permanence.appointments;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.permanence.clients.Client;
import org.permanence.clients.Client.AppointmentType;
import org.permanence.clients.Client.Briefing;
import org.permanence.clients.Client.ContactRules;
import org.permanence.clients.Client.MessageDelivery;
import org.permanence.clients.Client.OpeningHours;
import org.permanence.clients.Client.PhoneLine;
import org.permanence.clients.Clients;

/**
 * A practice of its own for each test, open every day 08:00–20:00 in Paris, so that bookings of one
 * test never meet another's, on a database kept between runs too.
 */
public final class Practice {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** 30 minutes, 10 to tidy up after, booked at least an hour ahead. */
    public static final AppointmentType CONSULTATION = new AppointmentType("consultation", "Consultation", 30, 0, 10, 60);

    private Practice() {
    }

    public static Client create(Clients clients) {
        long n = ThreadLocalRandom.current().nextLong(10_000_000L, 100_000_000L);
        List<OpeningHours> everyDay = Arrays.stream(DayOfWeek.values())
                .map(day -> new OpeningHours(day, LocalTime.of(8, 0), LocalTime.of(20, 0))).toList();
        return clients.store(new Client("practice-" + n, "Cabinet " + n, "fr", PARIS.getId(),
                List.of(new PhoneLine("+333" + n, "Accueil")), everyDay, List.of(CONSULTATION),
                new Briefing("Cabinet, bonjour.", "Jamais.", "Personne.", null),
                new ContactRules("cabinet-" + n + "@example.fr", "cabinet.urgent@example.fr", MessageDelivery.IMMEDIATELY, null, 60, 15, List.of()),
                List.of(), new BigDecimal("0.80"), "le Cabinet " + n));
    }

    /** Next week's Monday at this hour in Paris: a working day, well past every minimum notice. */
    public static OffsetDateTime nextMondayAt(int hour) {
        return LocalDate.now(PARIS).plusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atTime(hour, 0).atZone(PARIS)
                .toOffsetDateTime();
    }
}
