package org.permanence.booking;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The booking page's defences against robots and floods, none needing an outside service:
 * {@code minFillTime}, the least time between the form being shown and sent (a person reads, picks and
 * types; a robot posts at once); {@code formLifetime}, how long a shown form may be sent; at most
 * {@code attemptsPerAddress} bookings sent from one address to one client's page in any {@code attemptsWindow};
 * at most {@code openBookingsPerCaller} appointments to come with one client per e-mail address and per
 * phone number; {@code addressesRemembered}, how many addresses the counts keep (the least recently seen
 * is forgotten past that, so memory stays bounded whatever a flood sends).
 */
@ConfigurationProperties("permanence.booking-page")
public record BookingPageProperties(Duration minFillTime, Duration formLifetime, int attemptsPerAddress, Duration attemptsWindow,
                                    int openBookingsPerCaller, int addressesRemembered) {

    public BookingPageProperties {
        if (minFillTime == null || minFillTime.isNegative() || formLifetime == null || formLifetime.compareTo(minFillTime) <= 0) {
            throw new IllegalArgumentException("permanence.booking-page.min-fill-time must be zero or more and form-lifetime longer, not "
                    + minFillTime + " and " + formLifetime);
        }
        if (attemptsPerAddress < 1 || attemptsWindow == null || attemptsWindow.isNegative() || attemptsWindow.isZero()) {
            throw new IllegalArgumentException("permanence.booking-page.attempts-per-address must be 1 or more in an attempts-window "
                    + "longer than zero, not " + attemptsPerAddress + " in " + attemptsWindow);
        }
        if (openBookingsPerCaller < 1 || addressesRemembered < 1) {
            throw new IllegalArgumentException("permanence.booking-page.open-bookings-per-caller and addresses-remembered must be 1 or "
                    + "more, not " + openBookingsPerCaller + " and " + addressesRemembered);
        }
    }
}
