package org.permanence.people;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Credentials that signed in recently, so they pass while their address is refused: the workers' service
 * account keeps polling while someone guesses its password from the same address, and a person who signed
 * in today is not shut out by a stranger. A guesser gains nothing, as only the right password is known good.
 * Kept as an HMAC-SHA256 of user and password under a random key of this node's run, never the password:
 * what is in memory cannot be tried offline. Bounded: the least recently used is forgotten first.
 */
final class KnownGoodCredentials {

    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final Duration goodFor;
    private final Clock clock;
    private final Map<String, Instant> lastSignedIn;

    KnownGoodCredentials(Duration goodFor, int capacity, Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
        this.goodFor = goodFor;
        this.clock = clock;
        this.lastSignedIn = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The keyed hash a user and password are remembered by (a NUL separates them: neither can hold one in a sign-in). */
    String fingerprint(String user, String password) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal((user + '\0' + password).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    synchronized boolean known(String fingerprint) {
        Instant signedIn = lastSignedIn.get(fingerprint);
        if (signedIn != null && clock.instant().isAfter(signedIn.plus(goodFor))) {
            lastSignedIn.remove(fingerprint);
            return false;
        }
        return signedIn != null;
    }

    synchronized void signedIn(String fingerprint) {
        lastSignedIn.put(fingerprint, clock.instant());
    }

    /** Refused after all (the password changed): no longer known good. */
    synchronized void refused(String fingerprint) {
        lastSignedIn.remove(fingerprint);
    }
}
