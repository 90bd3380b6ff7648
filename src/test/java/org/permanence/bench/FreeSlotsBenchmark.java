package org.permanence.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.TestOffice;
import org.permanence.appointments.Appointment.Caller;
import org.permanence.appointments.Appointment.Source;
import org.permanence.appointments.AppointmentBook;
import org.permanence.appointments.Bookings;
import org.permanence.appointments.FreeSlots;
import org.permanence.clients.Client;
import org.permanence.clients.Client.AppointmentType;
import org.permanence.clients.Client.Briefing;
import org.permanence.clients.Client.ContactRules;
import org.permanence.clients.Client.MessageDelivery;
import org.permanence.clients.Client.OpeningHours;
import org.permanence.clients.Client.PhoneLine;
import org.permanence.clients.Clients;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Not a test: a benchmark. A busy practice (open 08:00–20:00 every day in Paris) with 5,000
 * bookings, 8 a day over the next 625 days; prints how long listing a month (31 days) of free
 * consultation slots takes, in the application (database reads and slot computation) and through
 * the REST API as a manager. Run it with the command in the README; {@code -Dbench.bookings} and
 * {@code -Dbench.runs} change the load.
 */
@OfficeIntegrationTest
class FreeSlotsBenchmark {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final AppointmentType CONSULTATION = new AppointmentType("consultation", "Consultation", 30, 0, 10, 60);
    /** Bookings a day, 90 minutes apart from 08:00: each gap leaves a slot or two, as in a busy week. */
    private static final int PER_DAY = 8;

    private final int bookingCount = Integer.getInteger("bench.bookings", 5_000);
    private final int runs = Integer.getInteger("bench.runs", 200);

    @Autowired
    Clients clients;
    @Autowired
    Bookings bookings;
    @Autowired
    AppointmentBook book;
    @Value("${server.port}")
    int port;

    @Test
    void aMonthOfFreeSlotsForABusyPractice() throws Exception {
        Client practice = practice();
        LocalDate first = LocalDate.now(PARIS).plusDays(1);
        long setUp = System.nanoTime();
        for (int i = 0; i < bookingCount; i++) {
            LocalDate day = first.plusDays(i / PER_DAY);
            book.book(practice.id(), CONSULTATION, day.atTime(LocalTime.of(8, 0).plusMinutes(90L * (i % PER_DAY))).atZone(PARIS).toInstant(),
                    new Caller("Patient " + i, "+336" + String.format("%08d", i), null), null, Source.OFFICE, Instant.now());
        }
        System.out.printf("bench set-up: %d bookings written in %d ms%n", bookingCount, (System.nanoTime() - setUp) / 1_000_000);

        LocalDate from = first.plusDays(30);
        LocalDate to = from.plusDays(30);
        FreeSlots month = bookings.freeSlots(practice, "consultation", from, to);
        List<Long> service = measure(() -> bookings.freeSlots(practice, "consultation", from, to));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/clients/" + practice.id()
                        + "/free-slots?type=consultation&from=" + from + "&to=" + to))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("nadia:" + TestOffice.DEMO_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).build();
        List<Long> api = measure(() -> {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("free-slots answered " + response.statusCode() + ": " + response.body());
                }
                return response;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        System.out.printf("bookings=%d month_days=31 free_slots=%d runs=%d service_p50_ms=%.1f service_p95_ms=%.1f api_p50_ms=%.1f "
                        + "api_p95_ms=%.1f%n", bookingCount, month.slots().size(), runs, percentile(service, 50), percentile(service, 95),
                percentile(api, 50), percentile(api, 95));
    }

    private List<Long> measure(Supplier<?> work) {
        for (int i = 0; i < runs / 4; i++) {
            work.get();
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.get();
            nanos.add(System.nanoTime() - start);
        }
        Collections.sort(nanos);
        return nanos;
    }

    private static double percentile(List<Long> sortedNanos, int percent) {
        int index = Math.min(sortedNanos.size() - 1, (int) Math.ceil(percent / 100.0 * sortedNanos.size()) - 1);
        return sortedNanos.get(index) / 1_000_000.0;
    }

    private Client practice() {
        long n = ThreadLocalRandom.current().nextLong(10_000_000L, 100_000_000L);
        List<OpeningHours> everyDay = Arrays.stream(DayOfWeek.values())
                .map(day -> new OpeningHours(day, LocalTime.of(8, 0), LocalTime.of(20, 0))).toList();
        return clients.store(new Client("bench-" + n, "Cabinet très demandé", "fr", PARIS.getId(), List.of(new PhoneLine("+333" + n, "Accueil")),
                everyDay, List.of(CONSULTATION),
                new Briefing("Cabinet, bonjour.", "Jamais.", "Personne.", null),
                new ContactRules("bench@example.fr", "bench.urgent@example.fr", MessageDelivery.IMMEDIATELY, null, 60, 15, List.of()),
                List.of(), new BigDecimal("0.80"), null));
    }
}
