package org.permanence.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetriesTest {

    @Test
    void aFirstFailureLeavesThreeMoreAttempts() {
        assertThat(Retries.remainingAfter(null)).isEqualTo(3);
        assertThat(Retries.remainingAfter(3)).isEqualTo(2);
        assertThat(Retries.remainingAfter(1)).isZero();
        assertThat(Retries.remainingAfter(0)).isZero();
    }

    @Test
    void pausesDoubleBetweenAttempts() {
        assertThat(Retries.pauseBefore(3)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Retries.pauseBefore(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(Retries.pauseBefore(1)).isEqualTo(Duration.ofSeconds(40));
    }
}
