package org.permanence.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.permanence.MovingClock;

/** The throttle's arithmetic, on a clock the test moves: budgets, refills, reservations given back, forgetting. */
@Tag("unit")
class SignInBudgetsTest {

    private static final String ATTACKER = "203.0.113.7";
    private static final String OFFICE = "198.51.100.20";

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-07T08:00:00Z"));

    @Test
    void aUserFromOneAddressHasFiveFailuresThenWaitsAMinuteForEachMore() {
        SignInBudgets budgets = budgets(3);
        failTimes(budgets, ATTACKER, "nadia", 5);

        assertThat(budgets.reserve(ATTACKER, "nadia")).hasValueSatisfying(refusal ->
                assertThat(refusal.retryAfter()).isEqualTo(Duration.ofMinutes(1)));
        // the refusal itself costs nothing: a minute later exactly one more try
        clock.move(Duration.ofSeconds(30));
        assertThat(budgets.reserve(ATTACKER, "nadia")).hasValueSatisfying(refusal ->
                assertThat(refusal.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
        clock.move(Duration.ofSeconds(30));
        failTimes(budgets, ATTACKER, "nadia", 1);
        assertThat(budgets.reserve(ATTACKER, "nadia")).isPresent();
        // another user from the same address, and the same user from elsewhere, are not held back
        assertThat(budgets.reserve(ATTACKER, "claire")).isEmpty();
        assertThat(budgets.reserve(OFFICE, "nadia")).isEmpty();
    }

    @Test
    void anAddressTryingManyUsersIsStoppedAfterTwentyFailures() {
        SignInBudgets budgets = budgets(100);
        for (int i = 0; i < 20; i++) {
            failTimes(budgets, ATTACKER, "user-" + i, 1);
        }
        assertThat(budgets.reserve(ATTACKER, "user-20")).hasValueSatisfying(refusal ->
                assertThat(refusal.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
        assertThat(budgets.reserve(ATTACKER, null)).isPresent();
        assertThat(budgets.counts()).containsEntry("throttledSources", 1L).containsEntry("failedSignIns", 20L)
                .containsEntry("refusedSignIns", 2L);
        // refilled by time, no more than the budget
        clock.move(Duration.ofHours(2));
        failTimes(budgets, ATTACKER, null, 20);
        assertThat(budgets.reserve(ATTACKER, null)).isPresent();
    }

    @Test
    void aSignInThatDidNotFailGivesItsReservationBack() {
        SignInBudgets budgets = budgets(3);
        for (int i = 0; i < 50; i++) {
            assertThat(budgets.reserve(OFFICE, "claire")).isEmpty();
            budgets.settle(OFFICE, "claire", false);
        }
        assertThat(budgets.counts()).containsEntry("failedSignIns", 0L).containsEntry("throttledUsers", 0L);
    }

    @Test
    void concurrentGuessesCannotOverrunTheBudgetBeforeTheirAnswersCome() {
        SignInBudgets budgets = budgets(3);
        // five guesses in flight at once: the sixth is refused before any of them is answered
        for (int i = 0; i < 5; i++) {
            assertThat(budgets.reserve(ATTACKER, "permanence-worker")).isEmpty();
        }
        assertThat(budgets.reserve(ATTACKER, "permanence-worker")).isPresent();
    }

    @Test
    void knownGoodCredentialsThatFailAfterAllAreSpent() {
        SignInBudgets budgets = budgets(3);
        for (int i = 0; i < 5; i++) {
            budgets.failedUnreserved(OFFICE, "claire");
        }
        assertThat(budgets.reserve(OFFICE, "claire")).isPresent();
    }

    @Test
    void onlyTheTrackedNumberOfAddressesIsKeptTheLeastRecentlySeenForgottenFirst() {
        SignInBudgets budgets = budgets(3);
        failTimes(budgets, "10.0.0.1", "nadia", 5);
        failTimes(budgets, "10.0.0.2", "nadia", 5);
        failTimes(budgets, "10.0.0.3", "nadia", 5);
        // 10.0.0.1 is seen again: 10.0.0.2 is now the oldest, and goes when a fourth address comes
        assertThat(budgets.reserve("10.0.0.1", "nadia")).isPresent();
        failTimes(budgets, "10.0.0.4", "nadia", 1);

        assertThat(budgets.counts()).containsEntry("trackedSources", 3);
        assertThat(budgets.reserve("10.0.0.1", "nadia")).isPresent();
        assertThat(budgets.reserve("10.0.0.3", "nadia")).isPresent();
        assertThat(budgets.reserve("10.0.0.2", "nadia")).as("forgotten: a full budget again").isEmpty();
    }

    @Test
    void aThrottledAddressIsLoggedOnceAMinuteWithHowManyMoreWereRefused() {
        SignInBudgets budgets = budgets(3);
        failTimes(budgets, ATTACKER, "nadia", 5);
        assertThat(budgets.reserve(ATTACKER, "nadia").orElseThrow().logNow()).isTrue();
        for (int i = 0; i < 99; i++) {
            assertThat(budgets.reserve(ATTACKER, "nadia").orElseThrow().logNow()).isFalse();
        }
        clock.move(Duration.ofSeconds(61));
        failTimes(budgets, ATTACKER, "nadia", 1);
        SignInBudgets.Refusal next = budgets.reserve(ATTACKER, "nadia").orElseThrow();
        assertThat(next.logNow()).isTrue();
        assertThat(next.unloggedBefore()).isEqualTo(99);
    }

    @Test
    void anAddressTryingNameAfterNameIsLoggedOnceAMinuteToo() {
        SignInBudgets budgets = budgets(1000);
        for (int i = 0; i < 20; i++) {
            failTimes(budgets, ATTACKER, "user-" + i, 1);
        }
        long logged = 0;
        for (int i = 20; i < 500; i++) {
            logged += budgets.reserve(ATTACKER, "user-" + i).orElseThrow().logNow() ? 1 : 0;
        }
        assertThat(logged).isEqualTo(1);
    }

    @Test
    void failuresLeaveTheHealthCountsAfterTheWindow() {
        SignInBudgets budgets = budgets(3);
        failTimes(budgets, ATTACKER, "nadia", 3);
        assertThat(budgets.counts()).containsEntry("failedSignIns", 3L);
        clock.move(Duration.ofMinutes(16));
        assertThat(budgets.counts()).containsEntry("failedSignIns", 0L).containsEntry("throttledUsers", 0L);
    }

    @Test
    void credentialsAreKnownGoodByAKeyedHashForAWhile() {
        KnownGoodCredentials known = new KnownGoodCredentials(Duration.ofHours(12), 2, clock);
        String worker = known.fingerprint("permanence-worker", "worker-Secret-1");
        assertThat(worker).doesNotContain("worker-Secret-1");
        assertThat(known.known(worker)).isFalse();
        known.signedIn(worker);
        assertThat(known.known(worker)).isTrue();
        assertThat(known.known(known.fingerprint("permanence-worker", "worker-Secret-2"))).isFalse();
        // "a" + NUL + "b:c" and "a:b" + NUL + "c" differ
        assertThat(known.fingerprint("a", "b:c")).isNotEqualTo(known.fingerprint("a:b", "c"));
        assertThat(new KnownGoodCredentials(Duration.ofHours(12), 2, clock).fingerprint("permanence-worker", "worker-Secret-1"))
                .as("another node's key").isNotEqualTo(worker);

        known.signedIn(known.fingerprint("claire", "1"));
        known.signedIn(known.fingerprint("sophie", "1"));
        assertThat(known.known(worker)).as("the least recently used of three, with room for two").isFalse();

        String claire = known.fingerprint("claire", "1");
        clock.move(Duration.ofHours(13));
        assertThat(known.known(claire)).isFalse();
        known.signedIn(claire);
        known.refused(claire);
        assertThat(known.known(claire)).isFalse();
    }

    private SignInBudgets budgets(int trackedSources) {
        return new SignInBudgets(new SignInProperties(new SignInProperties.Budget(20, Duration.ofSeconds(30)),
                new SignInProperties.Budget(5, Duration.ofMinutes(1)), trackedSources, Duration.ofHours(12), 10_000,
                Duration.ofMinutes(15)), clock);
    }

    private static void failTimes(SignInBudgets budgets, String source, String user, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(budgets.reserve(source, user)).as("failure %d of %s from %s", i + 1, user, source).isEmpty();
            budgets.settle(source, user, true);
        }
    }
}
