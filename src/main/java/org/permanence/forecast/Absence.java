package org.permanence.forecast;

import java.time.Instant;

/** A secretary off the phone from one moment to another: a focus block, a break, her hours off. */
public record Absence(String secretary, Instant from, Instant to) {

    boolean covers(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
