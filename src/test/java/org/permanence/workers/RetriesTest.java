package org.permanence.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

@Tag("unit")
class RetriesTest {

    private static final Retries RETRIES = new Retries(new RetryPolicy(4, Duration.ofSeconds(10)));

    @Test
    void aFirstFailureLeavesThreeMoreAttempts() {
        assertThat(RETRIES.remainingAfter(null)).isEqualTo(3);
        assertThat(RETRIES.remainingAfter(3)).isEqualTo(2);
        assertThat(RETRIES.remainingAfter(1)).isZero();
        assertThat(RETRIES.remainingAfter(0)).isZero();
    }

    @Test
    void pausesDoubleBetweenAttempts() {
        assertThat(RETRIES.pauseBefore(3)).isEqualTo(Duration.ofSeconds(10));
        assertThat(RETRIES.pauseBefore(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(RETRIES.pauseBefore(1)).isEqualTo(Duration.ofSeconds(40));
    }
}
