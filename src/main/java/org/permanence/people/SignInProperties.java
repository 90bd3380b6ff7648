package org.permanence.people;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many failed sign-ins are allowed before further ones are refused unchecked (429): {@code perSource}
 * from one address whatever the user, {@code perUser} from one address for one user. Each budget refills
 * by one failure every {@code refillEvery}. At most {@code trackedSources} addresses, and as many (address,
 * user) pairs, are remembered; past that the one seen least recently is forgotten. Credentials that signed
 * in within {@code knownGoodFor} pass even from a refused address (at most {@code knownGoodCredentials}
 * remembered, as keyed hashes). Health counts failures over the last {@code healthWindow}.
 */
@ConfigurationProperties("permanence.sign-in")
public record SignInProperties(
        Budget perSource,
        Budget perUser,
        int trackedSources,
        Duration knownGoodFor,
        int knownGoodCredentials,
        Duration healthWindow) {

    /** {@code failures} in a row are allowed, then one more every {@code refillEvery}. */
    public record Budget(int failures, Duration refillEvery) {

        public Budget {
            if (failures < 1 || refillEvery == null || refillEvery.isNegative() || refillEvery.isZero()) {
                throw new IllegalArgumentException("A sign-in budget needs at least one failure and a positive refill period");
            }
        }
    }

    public SignInProperties {
        if (trackedSources < 1 || knownGoodCredentials < 1) {
            throw new IllegalArgumentException("permanence.sign-in must track at least one address and one credential");
        }
    }
}
