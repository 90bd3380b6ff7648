package org.permanence.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.appointments.BookingOutcome.Booked;
import org.permanence.appointments.BookingOutcome.SlotTaken;
import org.permanence.clients.Client;
import org.permanence.clients.Clients;
import org.springframework.beans.factory.annotation.Autowired;

/** No double booking on the real database (H2 here, PostgreSQL with -Ppostgres), however many try at once. */
@OfficeIntegrationTest
class BookingRaceTest {

    private static final int CALLERS = 50;

    @Autowired
    Clients clients;

    @Autowired
    Bookings bookings;

    @Test
    void ofFiftyCallersBookingOneSlotAtOnceExactlyOneGetsIt() throws Exception {
        Client practice = Practice.create(clients);
        OffsetDateTime start = nextWeekAt(10, 0);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        List<Future<BookingOutcome>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < CALLERS; i++) {
                BookingRequest request = request(start, "Patient " + i);
                outcomes.add(callers.submit(() -> {
                    go.await();
                    return bookings.book(practice, request);
                }));
            }
            go.countDown();
            List<BookingOutcome> results = new ArrayList<>();
            for (Future<BookingOutcome> outcome : outcomes) {
                results.add(outcome.get());
            }

            assertThat(results).filteredOn(Booked.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(SlotTaken.class::isInstance).hasSize(CALLERS - 1);
            FreeSlots free = bookings.freeSlots(practice, "consultation", start.toLocalDate(), start.toLocalDate());
            assertThat(free.slots()).extracting(Slot::start).doesNotContain(start.toInstant());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aBookingOverlappingAnotherWithItsBufferIsTakenUntilTheOtherIsCancelled() {
        Client practice = Practice.create(clients);
        // 10:00–10:30, and 10 minutes after it to tidy up: 10:30 is still taken
        Booked first = (Booked) bookings.book(practice, request(nextWeekAt(10, 0), "Mme Petit"));

        BookingOutcome overlapping = bookings.book(practice, request(nextWeekAt(10, 30), "M. Grand"));
        bookings.cancel(practice, first.appointment().id());
        BookingOutcome afterCancel = bookings.book(practice, request(nextWeekAt(10, 30), "M. Grand"));

        assertThat(overlapping).isInstanceOf(SlotTaken.class);
        assertThat(afterCancel).isInstanceOf(Booked.class);
        assertThat(bookings.get(practice, first.appointment().id())).satisfies(cancelled -> {
            assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
            assertThat(cancelled.sequence()).isEqualTo(1);
        });
    }

    @Test
    void twoClientsMayBookTheSameHour() {
        OffsetDateTime start = nextWeekAt(11, 0);

        BookingOutcome one = bookings.book(Practice.create(clients), request(start, "Mme Petit"));
        BookingOutcome other = bookings.book(Practice.create(clients), request(start, "Mme Petit"));

        assertThat(List.of(one, other)).allMatch(Booked.class::isInstance);
    }

    private static BookingRequest request(OffsetDateTime start, String caller) {
        return new BookingRequest("consultation", start, caller, "06 12 34 56 78", null);
    }

    private static OffsetDateTime nextWeekAt(int hour, int minute) {
        return ZonedDateTime.of(LocalDate.now(Practice.PARIS).plusDays(7).atTime(hour, minute), Practice.PARIS).toOffsetDateTime();
    }
}
