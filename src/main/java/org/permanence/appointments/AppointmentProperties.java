package org.permanence.appointments;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How free slots are offered: one may start every {@code slotStep} (on the clock: 09:00, 09:15, …),
 * and one request lists at most {@code maxDays} days, which keeps the answer and its cost small.
 */
@ConfigurationProperties("permanence.appointments")
public record AppointmentProperties(Duration slotStep, int maxDays) {

    public AppointmentProperties {
        if (slotStep.isZero() || slotStep.isNegative() || slotStep.toSeconds() % Interval.LOCK_UNIT.toSeconds() != 0) {
            throw new IllegalArgumentException("permanence.appointments.slot-step must be a whole number of "
                    + Interval.LOCK_UNIT.toMinutes() + " minutes, not " + slotStep);
        }
        if (maxDays < 1) {
            throw new IllegalArgumentException("permanence.appointments.max-days must be 1 or more, not " + maxDays);
        }
    }
}
