package org.permanence.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.permanence.system.FieldProblem;

/** Working hours: inside them work reaches her, outside she is away; ranges that make no sense are refused. */
@Tag("unit")
class WorkingHoursTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    // Friday 27 November 2026; Paris is UTC+1
    private static final WorkingHours MORNINGS_AND_AFTERNOONS = new WorkingHours(List.of(
            new WorkingHours.Range(DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(12, 30)),
            new WorkingHours.Range(DayOfWeek.FRIDAY, LocalTime.of(14, 0), LocalTime.of(17, 0))));

    @Test
    void sheWorksInsideHerRangesOnlyInTheOfficeTimeZone() {
        assertThat(MORNINGS_AND_AFTERNOONS.cover(Instant.parse("2026-11-27T08:00:00Z"), PARIS)).as("9:00 Paris").isTrue();
        assertThat(MORNINGS_AND_AFTERNOONS.cover(Instant.parse("2026-11-27T07:59:00Z"), PARIS)).as("8:59 Paris").isFalse();
        assertThat(MORNINGS_AND_AFTERNOONS.cover(Instant.parse("2026-11-27T11:45:00Z"), PARIS)).as("lunch").isFalse();
        assertThat(MORNINGS_AND_AFTERNOONS.cover(Instant.parse("2026-11-27T16:00:00Z"), PARIS)).as("17:00, she has gone").isFalse();
        assertThat(MORNINGS_AND_AFTERNOONS.cover(Instant.parse("2026-11-28T10:00:00Z"), PARIS)).as("Saturday").isFalse();
    }

    @Test
    void noHoursSetMeansNeverAwayForThat() {
        assertThat(new WorkingHours(null).cover(Instant.parse("2026-11-28T02:00:00Z"), PARIS)).isTrue();
    }

    @Test
    void herDayStartsWithHerFirstRangeOnceBegun() {
        assertThat(MORNINGS_AND_AFTERNOONS.startOfDay(Instant.parse("2026-11-27T15:00:00Z"), PARIS))
                .contains(Instant.parse("2026-11-27T08:00:00Z"));
        assertThat(MORNINGS_AND_AFTERNOONS.startOfDay(Instant.parse("2026-11-27T07:00:00Z"), PARIS)).isEmpty();
    }

    @Test
    void rangesThatEndBeforeTheyStartOrOverlapAreRefused() {
        List<FieldProblem> problems = new WorkingHours(List.of(
                new WorkingHours.Range(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new WorkingHours.Range(DayOfWeek.MONDAY, LocalTime.of(11, 0), LocalTime.of(13, 0)),
                new WorkingHours.Range(DayOfWeek.TUESDAY, LocalTime.of(12, 0), LocalTime.of(9, 0)),
                new WorkingHours.Range(null, LocalTime.of(9, 0), LocalTime.of(10, 0)))).problems();

        assertThat(problems).extracting(FieldProblem::field).containsExactly("hours[1]", "hours[2]", "hours[3]");
        assertThat(problems.get(0).message()).contains("overlaps 09:00–12:00 (hours[0])");
        assertThat(problems.get(1).message()).contains("the end must come after the start");
        assertThat(MORNINGS_AND_AFTERNOONS.problems()).isEmpty();
    }
}
