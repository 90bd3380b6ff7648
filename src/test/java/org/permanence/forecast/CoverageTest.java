package org.permanence.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** The coverage rule, and focus blocks proposed where it holds: in the quiet hours, never leaving a client or the team short. */
@Tag("unit")
class CoverageTest {

    /** Monday 30 November 2026, 8:00 in Paris. */
    private static final Instant MONDAY_8 = Instant.parse("2026-11-30T07:00:00Z");
    private static final Map<String, List<String>> TEAM = Map.of(
            "anne", List.of("cabinet", "avocats"), "beatrice", List.of("avocats", "garage"), "chloe", List.of("cabinet", "garage"),
            "diane", List.of("cabinet", "avocats", "garage"));
    /** Three clients on the default curve, 3 calls an hour each on average: 9 for the team, 13.3 at the 10:00 peak (1.4 of a mean 0.95). */
    private final LoadForecast forecast = new Forecasting(ForecastingTest.PROPERTIES).learn(List.of(), TEAM.values().stream()
            .flatMap(List::stream).distinct().toList(), MONDAY_8);
    private final Coverage coverage = new Coverage(forecast, ForecastingTest.PROPERTIES);
    private final FocusPlanner planner = new FocusPlanner(forecast, ForecastingTest.PROPERTIES);

    @Test
    void everyClientExpectingCallsKeepsOneOfItsSecretaries() {
        Instant lunch = MONDAY_8.plus(Duration.ofHours(4));
        assertThat(coverage.shortAt(lunch, TEAM, Set.of("anne", "chloe"))).isEmpty();
        assertThat(coverage.shortAt(lunch, TEAM, Set.of("anne", "chloe", "diane"))).hasValueSatisfying(shortfall -> {
            assertThat(shortfall.client()).isEqualTo("cabinet");
            assertThat(shortfall.left()).isZero();
        });
        assertThat(coverage.shortAt(MONDAY_8.minus(Duration.ofHours(2)), TEAM, Set.of("anne", "chloe", "diane"))).as("6:00, no call expected").isEmpty();
    }

    @Test
    void atThePeakTheTeamKeepsAsManyOnThePhoneAsItsCallsNeed() {
        Instant peak = MONDAY_8.plus(Duration.ofHours(2));
        // 3 × 3 × 1.4 / 0.95 = 13.3 calls an hour of 5 minutes: 1.1 hours of work in the hour, at most 70 % each: 2 secretaries
        assertThat(coverage.neededOnPhone(peak, List.of("cabinet", "avocats", "garage"))).isEqualTo(2);
        assertThat(coverage.shortAt(peak, TEAM, Set.of("anne", "beatrice"))).isEmpty();
        assertThat(coverage.shortAt(peak, TEAM, Set.of("anne", "beatrice", "chloe"))).hasValueSatisfying(shortfall -> {
            assertThat(shortfall.client()).as("the team").isNull();
            assertThat(shortfall.needed()).isEqualTo(2);
            assertThat(shortfall.left()).isEqualTo(1);
        });
    }

    @Test
    void focusIsProposedInTheQuietHoursAndNeverWhereItLeavesTheTeamShort() {
        List<Absence> planned = List.of(new Absence("beatrice", MONDAY_8.plus(Duration.ofHours(1)), MONDAY_8.plus(Duration.ofHours(3))),
                new Absence("chloe", MONDAY_8.plus(Duration.ofHours(1)), MONDAY_8.plus(Duration.ofHours(3))));
        List<FocusPlanner.Block> blocks = planner.propose("anne", TEAM, planned, MONDAY_8, MONDAY_8.plus(Duration.ofHours(10)), 3);
        assertThat(blocks).hasSize(3);
        // quietest first: lunch (12:00-13:30), the end of the day (16:30-18:00), after lunch (13:30-15:00); 8:00-9:30 is
        // quieter than 13:30 but would leave diane alone at 9:00, when the team needs two on the phone
        assertThat(blocks).extracting(FocusPlanner.Block::starts).containsExactly(MONDAY_8.plus(Duration.ofHours(4)),
                MONDAY_8.plus(Duration.ofMinutes(510)), MONDAY_8.plus(Duration.ofMinutes(330)));
        assertThat(blocks.get(0).expectedCalls()).isLessThan(blocks.get(1).expectedCalls());
        assertThat(blocks.get(1).expectedCalls()).isLessThan(blocks.get(2).expectedCalls());
        // none while beatrice and chloe are in focus at the morning peak
        blocks.forEach(block -> assertThat(block.ends().isAfter(MONDAY_8.plus(Duration.ofHours(1)))
                && block.starts().isBefore(MONDAY_8.plus(Duration.ofHours(3)))).as(block.toString()).isFalse());
    }

    @Test
    void aBlockSheStartsAtThePeakSaysWhatItWillCost() {
        List<Absence> planned = List.of(new Absence("beatrice", MONDAY_8.plus(Duration.ofHours(1)), MONDAY_8.plus(Duration.ofHours(3))),
                new Absence("chloe", MONDAY_8.plus(Duration.ofHours(1)), MONDAY_8.plus(Duration.ofHours(3))));
        Instant peak = MONDAY_8.plus(Duration.ofHours(2));
        FocusPlanner.Cost cost = planner.cost("anne", TEAM, planned, peak, peak.plus(Duration.ofHours(1)));
        assertThat(cost.shortfall()).hasValueSatisfying(shortfall -> assertThat(shortfall.at()).isEqualTo(peak));
        // her two clients' calls in that hour: 2 × 3 × 1.4 / 0.95
        assertThat(cost.expectedCalls()).isCloseTo(8.84, within(0.01));
        FocusPlanner.Cost quiet = planner.cost("anne", TEAM, planned, MONDAY_8.plus(Duration.ofHours(9)), MONDAY_8.plus(Duration.ofHours(10)));
        assertThat(quiet.shortfall()).isEmpty();
    }

    @Test
    void herOwnHoursOffAreNeverProposed() {
        List<Absence> lunch = List.of(new Absence("anne", MONDAY_8.plus(Duration.ofHours(4)), MONDAY_8.plus(Duration.ofHours(5))));
        assertThat(planner.propose("anne", TEAM, lunch, MONDAY_8.plus(Duration.ofHours(4)), MONDAY_8.plus(Duration.ofHours(6)), 3)).isEmpty();
    }
}
