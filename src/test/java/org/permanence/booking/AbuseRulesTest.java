package org.permanence.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.permanence.MovingClock;
import org.permanence.links.LinkCheck;
import org.permanence.links.LinkOutcome;

/** The booking page's rules against robots and floods, on a clock the test moves. */
@Tag("unit")
class AbuseRulesTest {

    private static final BookingPageProperties PROPERTIES = new BookingPageProperties(Duration.ofSeconds(3), Duration.ofHours(2), 3,
            Duration.ofMinutes(15), 2, 2);
    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    private final MovingClock clock = new MovingClock(NOW);
    private final AbuseRules rules = new AbuseRules(PROPERTIES, clock);

    @Test
    void anAddressMaySendAsManyBookingsAsAllowedInTheWindowThenIsRefusedUntilTheOldestLeavesIt() {
        for (int i = 0; i < 3; i++) {
            assertThat(rules.attempt("203.0.113.7", "cabinet-martin")).isEmpty();
            clock.move(Duration.ofMinutes(1));
        }
        assertThat(rules.attempt("203.0.113.7", "cabinet-martin")).contains(Refusal.TOO_MANY_ATTEMPTS);
        assertThat(rules.attempt("198.51.100.9", "cabinet-martin")).as("another address has its own count").isEmpty();

        // the first was sent at 09:00: at 09:15 it leaves the window, and the refused ones were not counted
        clock.set(NOW.plus(Duration.ofMinutes(15)));
        assertThat(rules.attempt("203.0.113.7", "cabinet-martin")).isEmpty();
        assertThat(rules.attempt("203.0.113.7", "cabinet-martin")).contains(Refusal.TOO_MANY_ATTEMPTS);
    }

    @Test
    void theCountsRememberABoundedNumberOfAddresses() {
        for (int i = 0; i < 3; i++) {
            rules.attempt("203.0.113.7", "cabinet-martin");
        }
        assertThat(rules.attempt("203.0.113.7", "cabinet-martin")).contains(Refusal.TOO_MANY_ATTEMPTS);
        // two addresses remembered: two others push the first out, which starts again
        rules.attempt("198.51.100.1", "cabinet-martin");
        rules.attempt("198.51.100.2", "cabinet-martin");
        assertThat(rules.attempt("203.0.113.7", "cabinet-martin")).isEmpty();
    }

    @Test
    void theHoneypotRefusesAnythingInIt() {
        assertThat(AbuseRules.honeypot(null)).isEmpty();
        assertThat(AbuseRules.honeypot("")).isEmpty();
        assertThat(AbuseRules.honeypot("http://spam.example")).contains(Refusal.HONEYPOT);
        assertThat(AbuseRules.honeypot(" ")).contains(Refusal.HONEYPOT);
    }

    @Test
    void aFormSentSoonerThanTheFillTimeAfterItWasShownIsRefused() {
        Instant expiry = rules.stampExpiry();
        LinkCheck stamp = new LinkCheck(LinkOutcome.VALID, "link-1", "cabinet-martin", AbuseRules.FORM_STAMP, expiry);

        assertThat(rules.form(stamp, "cabinet-martin")).contains(Refusal.TOO_FAST);
        clock.move(Duration.ofMillis(2_900));
        assertThat(rules.form(stamp, "cabinet-martin")).contains(Refusal.TOO_FAST);
        clock.move(Duration.ofMillis(1_100));
        assertThat(rules.form(stamp, "cabinet-martin")).isEmpty();
    }

    @Test
    void theStampIsRoundedSoThatAFormNeverSeemsShownEarlierThanItWas() {
        clock.set(NOW.plusMillis(999));
        Instant expiry = rules.stampExpiry();
        LinkCheck stamp = new LinkCheck(LinkOutcome.VALID, "link-1", "cabinet-martin", AbuseRules.FORM_STAMP, expiry);

        assertThat(expiry.getNano()).as("the signed link keeps whole seconds").isZero();
        clock.set(NOW.plusMillis(999).plusSeconds(3).minusMillis(1));
        assertThat(rules.form(stamp, "cabinet-martin")).contains(Refusal.TOO_FAST);
    }

    @Test
    void aStampNotValidOrForAnotherClientIsRefused() {
        Instant expiry = rules.stampExpiry();
        clock.move(Duration.ofMinutes(1));
        for (LinkOutcome outcome : new LinkOutcome[] {LinkOutcome.TAMPERED, LinkOutcome.EXPIRED, LinkOutcome.USED, LinkOutcome.WRONG_ACTION}) {
            LinkCheck stamp = new LinkCheck(outcome, "link-1", "cabinet-martin", AbuseRules.FORM_STAMP, expiry);
            assertThat(rules.form(stamp, "cabinet-martin")).as(outcome.name()).contains(Refusal.FORM_NOT_VALID);
        }
        LinkCheck otherClients = new LinkCheck(LinkOutcome.VALID, "link-1", "durand-avocats", AbuseRules.FORM_STAMP, expiry);
        assertThat(rules.form(otherClients, "cabinet-martin")).contains(Refusal.FORM_NOT_VALID);
    }

    @Test
    void aCallerMayHoldUpToTheCapOfOpenBookings() {
        assertThat(rules.openBookings(0)).isEmpty();
        assertThat(rules.openBookings(1)).isEmpty();
        assertThat(rules.openBookings(2)).contains(Refusal.TOO_MANY_OPEN);
    }
}
