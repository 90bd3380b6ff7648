package org.permanence.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.permanence.people.CredentialFingerprints;
import org.permanence.people.SignedInUser;

/**
 * HTTP Basic credentials the engine accepted a moment ago, with the person they signed in: the same user and
 * password within {@code reusedFor} are not checked again. Each worker poll and complete is a Basic request, and
 * checking it costs three engine commands (the password, the groups, the tenants). Only a success is remembered,
 * by a keyed hash (never the password), so another password — a guess — is always checked by the engine, and
 * the sign-in throttle in front counts its failure as before. Bounded: the least recently used is forgotten first.
 */
final class RecentPasswordChecks {

    private record Checked(SignedInUser user, Instant at) {
    }

    private final CredentialFingerprints fingerprints = new CredentialFingerprints();
    private final Duration reusedFor;
    private final Clock clock;
    private final Map<String, Checked> checked;

    RecentPasswordChecks(Duration reusedFor, int capacity, Clock clock) {
        this.reusedFor = reusedFor;
        this.clock = clock;
        this.checked = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Checked> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The person these credentials signed in within {@code reusedFor}, or empty: the engine must check them. */
    Optional<SignedInUser> recent(String fingerprint) {
        if (reusedFor.isZero()) {
            return Optional.empty();
        }
        synchronized (checked) {
            Checked found = checked.get(fingerprint);
            if (found == null) {
                return Optional.empty();
            }
            // an entry is never prolonged by its use: the engine checks again once it is this old
            if (!clock.instant().isBefore(found.at().plus(reusedFor))) {
                checked.remove(fingerprint);
                return Optional.empty();
            }
            return Optional.of(found.user());
        }
    }

    void passed(String fingerprint, SignedInUser user) {
        if (reusedFor.isZero()) {
            return;
        }
        synchronized (checked) {
            checked.put(fingerprint, new Checked(user, clock.instant()));
        }
    }

    String fingerprint(String user, String password) {
        return fingerprints.of(user, password);
    }
}
