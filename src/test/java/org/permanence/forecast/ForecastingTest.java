package org.permanence.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** The load forecast: learnt from the last weeks' calls per quarter-hour, the default curve for a client without history. */
@Tag("unit")
class ForecastingTest {

    static final ForecastProperties PROPERTIES = new ForecastProperties(ZoneId.of("Europe/Paris"), 4, 3, 5, 0.7, 90);
    /** A Friday, 10:00 in Paris. */
    private static final Instant FRIDAY_10 = Instant.parse("2026-11-27T09:00:00Z");
    private final Forecasting forecasting = new Forecasting(PROPERTIES);

    @Test
    void aClientWithoutHistoryGetsTheDefaultCurveWithMorningAndAfternoonPeaks() {
        LoadForecast forecast = forecasting.learn(List.of(), List.of("new-client"), FRIDAY_10);
        Instant monday = Instant.parse("2026-11-30T07:00:00Z");
        assertThat(forecast.callsPerHour("new-client", monday.plus(Duration.ofHours(2)))).as("10:00, morning peak")
                .isGreaterThan(forecast.callsPerHour("new-client", monday.plus(Duration.ofHours(5)))).as("13:00, lunch");
        assertThat(forecast.isPeak("new-client", monday.plus(Duration.ofHours(2)))).isTrue();
        assertThat(forecast.isPeak("new-client", monday.plus(Duration.ofHours(7)))).as("15:00").isTrue();
        assertThat(forecast.isPeak("new-client", monday.plus(Duration.ofHours(5)))).isFalse();
        assertThat(forecast.callsPerHour("new-client", monday.minus(Duration.ofHours(3)))).as("04:00").isZero();
        assertThat(forecast.callsPerHour("new-client", Instant.parse("2026-11-28T09:00:00Z"))).as("Saturday").isZero();
        // the default volume, over the opening hours of a day
        assertThat(forecast.expectedCalls("new-client", monday, monday.plus(Duration.ofHours(10)))).isCloseTo(30, within(1e-6));
        assertThat(forecast.callsPerHour("never-heard-of", monday.plus(Duration.ofHours(2))))
                .isEqualTo(forecast.callsPerHour("new-client", monday.plus(Duration.ofHours(2))));
    }

    @Test
    void fourWeeksOfHistoryGiveTheMeanOfThoseWeeksSmoothedOverTheHour() {
        List<Forecasting.Rang> calls = new ArrayList<>();
        for (int week = 1; week <= 4; week++) {
            // every Friday, 8 calls between 10:00 and 10:15, none at other times
            Instant friday = FRIDAY_10.minus(Duration.ofDays(7L * week));
            for (int i = 0; i < 8; i++) {
                calls.add(new Forecasting.Rang("plomberie", friday.plus(Duration.ofMinutes(i))));
            }
        }
        LoadForecast forecast = forecasting.learn(calls, List.of("plomberie"), FRIDAY_10);
        // 8 calls a week in the quarter-hour, averaged with two quarter-hours either side: 8 / 5 per quarter-hour
        assertThat(forecast.expectedCalls("plomberie", FRIDAY_10, FRIDAY_10.plus(Duration.ofMinutes(15)))).isCloseTo(1.6, within(1e-6));
        assertThat(forecast.expectedCalls("plomberie", FRIDAY_10.minus(Duration.ofHours(2)), FRIDAY_10.plus(Duration.ofHours(2))))
                .as("all of the week's 8 calls, wherever the smoothing spread them").isCloseTo(8, within(1e-6));
        assertThat(forecast.callsPerHour("plomberie", FRIDAY_10.plus(Duration.ofHours(4)))).as("the default curve is not used").isZero();
    }

    @Test
    void aClientWithOneWeekOfFourLeansThreeQuartersOnTheDefault() {
        Instant tuesdayAt4 = Instant.parse("2026-11-24T03:00:00Z");
        LoadForecast learnt = forecasting.learn(List.of(new Forecasting.Rang("agence", tuesdayAt4)), List.of("agence"), FRIDAY_10);
        LoadForecast none = forecasting.learn(List.of(), List.of("agence"), FRIDAY_10);
        Instant nextTuesdayAt10 = FRIDAY_10.plus(Duration.ofDays(4));
        assertThat(learnt.callsPerHour("agence", nextTuesdayAt10)).isCloseTo(0.75 * none.callsPerHour("agence", nextTuesdayAt10), within(1e-6));
        // at 4:00 the default has no call: a quarter of the one call, spread over 5 quarter-hours, 3 of them from 4:00 to 5:00
        assertThat(learnt.expectedCalls("agence", tuesdayAt4, tuesdayAt4.plus(Duration.ofHours(1)))).isCloseTo(0.25 * 3 / 5.0, within(1e-6));
    }

    @Test
    void callsOlderThanTheWindowOrNotYetRungAreLeftOut() {
        List<Forecasting.Rang> calls = List.of(new Forecasting.Rang("cabinet", FRIDAY_10.minus(Duration.ofDays(29))),
                new Forecasting.Rang("cabinet", FRIDAY_10.plus(Duration.ofMinutes(1))), new Forecasting.Rang(null, FRIDAY_10.minus(Duration.ofDays(1))));
        LoadForecast forecast = forecasting.learn(calls, List.of("cabinet"), FRIDAY_10);
        LoadForecast none = forecasting.learn(List.of(), List.of("cabinet"), FRIDAY_10);
        assertThat(forecast.callsPerHour("cabinet", FRIDAY_10)).isEqualTo(none.callsPerHour("cabinet", FRIDAY_10));
    }
}
