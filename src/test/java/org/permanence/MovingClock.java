package org.permanence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock a unit test moves by hand, from 2026-12-07 08:00 UTC. */
public final class MovingClock extends Clock {

    private Instant now = Instant.parse("2026-12-07T08:00:00Z");

    public void move(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
