package org.permanence.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** When a break is offered or suggested: after a difficult call, after N of them, after M minutes without one. */
@Tag("unit")
class BreakAdviceTest {

    private static final Instant NOW = Instant.parse("2026-11-27T14:00:00Z");
    private final BreakAdvice advice = new BreakAdvice(new SecretaryDayProperties(ZoneId.of("Europe/Paris"), 3, 120, List.of(5, 10, 15)));

    @Test
    void aProtectedBreakIsOfferedRightAfterAnAngryOrDistressedCaller() {
        assertThat(advice.offersProtectedBreak(List.of("angry", "calm"))).isTrue();
        assertThat(advice.offersProtectedBreak(List.of("distressed"))).isTrue();
        assertThat(advice.offersProtectedBreak(List.of("calm", "angry"))).as("a calm call came since").isFalse();
        assertThat(advice.offersProtectedBreak(List.of("annoyed"))).isFalse();
        assertThat(advice.offersProtectedBreak(List.of())).isFalse();
    }

    @Test
    void aBreakIsSuggestedAfterThreeDifficultCallsSinceTheLastOne() {
        assertThat(advice.suggestion(List.of("angry", "calm", "distressed"), Optional.of(NOW.minusSeconds(600)), NOW)).isEmpty();
        assertThat(advice.suggestion(List.of("angry", "calm", "distressed", "angry"), Optional.of(NOW.minusSeconds(600)), NOW))
                .hasValueSatisfying(suggestion -> {
                    assertThat(suggestion.reason()).isEqualTo(BreakAdvice.Reason.DIFFICULT_CALLS);
                    assertThat(suggestion.difficultCalls()).isEqualTo(3);
                });
    }

    @Test
    void aBreakIsSuggestedAfterTwoHoursWithoutOne() {
        assertThat(advice.suggestion(List.of("calm"), Optional.of(NOW.minusSeconds(119 * 60)), NOW)).isEmpty();
        assertThat(advice.suggestion(List.of("calm"), Optional.of(NOW.minusSeconds(120 * 60)), NOW))
                .hasValueSatisfying(suggestion -> {
                    assertThat(suggestion.reason()).isEqualTo(BreakAdvice.Reason.LONG_STRETCH);
                    assertThat(suggestion.minutesWithoutBreak()).isEqualTo(120);
                });
        assertThat(advice.suggestion(List.of(), Optional.empty(), NOW)).as("since when is unknown").isEmpty();
    }
}
