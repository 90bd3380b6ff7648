package org.permanence.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.permanence.links.LinkCheck;

/**
 * The booking page's rules against robots and floods, each answering the {@link Refusal} it makes, if
 * any: bookings sent per address to one client's page in a sliding window, the honeypot field, the form's
 * signed stamp (the page's, for this client, still valid) and the least time to fill it, and the cap on a
 * caller's open bookings. The counts per address live in this node's memory, bounded: behind a load
 * balancer each node counts its own (docs/operations.md).
 */
final class AbuseRules {

    /** The signed links' action of the form stamp: the stamp is a signed link the form carries back. */
    static final String FORM_STAMP = "booking-form";

    private final BookingPageProperties properties;
    private final Clock clock;
    private final Map<String, Deque<Instant>> attempts;

    AbuseRules(BookingPageProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.attempts = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
                return size() > properties.addressesRemembered();
            }
        };
    }

    /**
     * Counts one booking sent from the address to the client's page, unless the address already sent as
     * many as it may in the window: then nothing is counted, and the answer is the refusal.
     */
    synchronized Optional<Refusal> attempt(String address, String clientId) {
        Instant now = clock.instant();
        // NUL is in no address nor client id: one key per pair
        Deque<Instant> recent = attempts.computeIfAbsent(address + '\0' + clientId, key -> new ArrayDeque<>());
        Instant windowStart = now.minus(properties.attemptsWindow());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(windowStart)) {
            recent.pollFirst();
        }
        if (recent.size() >= properties.attemptsPerAddress()) {
            return Optional.of(Refusal.TOO_MANY_ATTEMPTS);
        }
        recent.addLast(now);
        return Optional.empty();
    }

    /** The field a person never sees (nor fills): anything in it is a robot's doing. */
    static Optional<Refusal> honeypot(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(Refusal.HONEYPOT);
    }

    /**
     * When a form shown now expires, its stamp's expiry: rounded up to the second the stamp keeps, so that
     * the time it was shown, read back from it, is never earlier than it was (which would shorten the fill time).
     */
    Instant stampExpiry() {
        return clock.instant().plus(properties.formLifetime()).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }

    /** The form's stamp as the signed links read it: valid, for this client's page, and sent at least the fill time after it was shown. */
    Optional<Refusal> form(LinkCheck stamp, String clientId) {
        if (!stamp.valid() || !clientId.equals(stamp.subject())) {
            return Optional.of(Refusal.FORM_NOT_VALID);
        }
        Instant shown = stamp.expiresAt().minus(properties.formLifetime());
        return clock.instant().isBefore(shown.plus(properties.minFillTime())) ? Optional.of(Refusal.TOO_FAST) : Optional.empty();
    }

    /** {@code open}: the caller's appointments to come with the client, by her e-mail address or phone number. */
    Optional<Refusal> openBookings(int open) {
        return open >= properties.openBookingsPerCaller() ? Optional.of(Refusal.TOO_MANY_OPEN) : Optional.empty();
    }
}
