package org.permanence.assignment;

import java.time.Instant;

/** A secretary set her status; {@code until}: when a focus or a break ends by itself (null for available and away). */
public record StatusChanged(String userId, Status status, Instant until) {
}
