package org.permanence.appointments;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How free slots are offered: one may start every {@code slotStep} (on the clock: 09:00, 09:15, …),
 * and one request lists at most {@code maxDays} days, which keeps the answer and its cost small.
 * The caller is reminded {@code reminderBefore} the appointment, or as long before as
 * {@code reminderBeforeByClient} says for that client (by client id); {@code pickDays}: how many days
 * of free slots the secretary and the caller are shown to pick from.
 */
@ConfigurationProperties("permanence.appointments")
public record AppointmentProperties(Duration slotStep, int maxDays, Duration reminderBefore, Map<String, Duration> reminderBeforeByClient,
                                    int pickDays) {

    public AppointmentProperties {
        reminderBeforeByClient = reminderBeforeByClient == null ? Map.of() : Map.copyOf(reminderBeforeByClient);
        if (reminderBefore == null || reminderBefore.isNegative() || reminderBeforeByClient.values().stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("permanence.appointments.reminder-before (and each reminder-before-by-client) "
                    + "must be a duration of zero or more, such as 24h");
        }
        if (pickDays < 1 || pickDays > maxDays) {
            throw new IllegalArgumentException("permanence.appointments.pick-days must be between 1 and max-days (" + maxDays + "), not "
                    + pickDays);
        }
        if (slotStep.isZero() || slotStep.isNegative() || slotStep.toSeconds() % Interval.LOCK_UNIT.toSeconds() != 0) {
            throw new IllegalArgumentException("permanence.appointments.slot-step must be a whole number of "
                    + Interval.LOCK_UNIT.toMinutes() + " minutes, not " + slotStep);
        }
        if (maxDays < 1) {
            throw new IllegalArgumentException("permanence.appointments.max-days must be 1 or more, not " + maxDays);
        }
    }

    /** How long before its appointments this client's callers are reminded. */
    public Duration reminderBefore(String clientId) {
        return reminderBeforeByClient.getOrDefault(clientId, reminderBefore);
    }
}
