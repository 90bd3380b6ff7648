package org.permanence.assignment;

import java.time.Instant;

/** A secretary's status as she last set it; {@code until} only for focus and break. */
public record SecretaryStatus(String userId, Status status, Instant until, Instant updatedAt) {

    /** Someone who never set a status is available. */
    static SecretaryStatus available(String userId) {
        return new SecretaryStatus(userId, Status.AVAILABLE, null, null);
    }

    /**
     * Her status at that moment: a focus or break past its end counts as available, without any job
     * resetting it, and as changed when it ended.
     */
    public SecretaryStatus at(Instant now) {
        if (until != null && !now.isBefore(until)) {
            return new SecretaryStatus(userId, Status.AVAILABLE, null, until);
        }
        return this;
    }
}
