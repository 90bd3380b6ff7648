package org.permanence.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Tag;

/** The summary comes at the client's hour on its own clock; 2025's clock changes in Paris are on 30 March and 26 October. */
@Tag("unit")
class SummaryTimeTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void laterTodayWhenTheHourIsStillToCome() {
        assertThat(SummaryTime.next(LocalTime.of(18, 45), PARIS, Instant.parse("2025-03-12T09:00:00Z")))
                .isEqualTo(Instant.parse("2025-03-12T17:45:00Z"));
    }

    @Test
    void tomorrowWhenTheHourHasCome() {
        assertThat(SummaryTime.next(LocalTime.of(18, 45), PARIS, Instant.parse("2025-03-12T17:45:00Z")))
                .as("the summary just sent does not come again")
                .isEqualTo(Instant.parse("2025-03-13T17:45:00Z"));
        assertThat(SummaryTime.next(LocalTime.of(18, 45), PARIS, Instant.parse("2025-03-12T20:00:00Z")))
                .isEqualTo(Instant.parse("2025-03-13T17:45:00Z"));
    }

    @Test
    void theDayIsTheClientsNotUtcs() {
        // 23:30 UTC on the 12th is already 00:30 on the 13th in Paris
        assertThat(SummaryTime.next(LocalTime.of(0, 15), PARIS, Instant.parse("2025-03-12T23:30:00Z")))
                .isEqualTo(Instant.parse("2025-03-13T23:15:00Z"));
    }

    @ParameterizedTest(name = "{0} to {1}: {2} h")
    @CsvSource({"2025-03-29T17:45:00Z, 2025-03-30T16:45:00Z, 23", "2025-10-25T16:45:00Z, 2025-10-26T17:45:00Z, 25"})
    void theEveningBeforeAClockChangeTheNextSummaryIsAnHourNearerOrFurther(Instant saturday, Instant sunday, int hours) {
        assertThat(SummaryTime.next(LocalTime.of(18, 45), PARIS, saturday)).isEqualTo(sunday);
        assertThat(Duration.between(saturday, sunday)).hasHours(hours);
    }

    @Test
    void anHourThatDoesNotExistOnSpringForwardComesAsTheClocksShowIt() {
        // 02:30 does not exist on 30 March: clocks jump from 02:00 to 03:00, so it is 03:30 (01:30 UTC)
        assertThat(SummaryTime.next(LocalTime.of(2, 30), PARIS, Instant.parse("2025-03-29T23:00:00Z")))
                .isEqualTo(Instant.parse("2025-03-30T01:30:00Z"));
    }

    @Test
    void anHourThatComesTwiceOnFallBackHasOneSummaryOnly() {
        Instant first = SummaryTime.next(LocalTime.of(2, 30), PARIS, Instant.parse("2025-10-25T23:00:00Z"));

        assertThat(first).as("02:30 summer time").isEqualTo(Instant.parse("2025-10-26T00:30:00Z"));
        assertThat(SummaryTime.next(LocalTime.of(2, 30), PARIS, first))
                .as("not again at 02:30 winter time, an hour later, but the next day")
                .isEqualTo(Instant.parse("2025-10-27T01:30:00Z"));
    }
}
