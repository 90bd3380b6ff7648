package org.permanence.assignment;

import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A secretary's day: the time zone of her working hours; a break suggested after
 * {@code breakAfterDifficultCalls} angry or distressed callers or {@code breakAfterMinutes} without
 * one; the lengths offered for a protected break after a difficult call.
 */
@ConfigurationProperties("permanence.secretaries")
public record SecretaryDayProperties(ZoneId timeZone, int breakAfterDifficultCalls, int breakAfterMinutes,
                                     List<Integer> protectedBreakMinutes) {

    public SecretaryDayProperties {
        if (timeZone == null) {
            throw new IllegalArgumentException("permanence.secretaries.time-zone is required, e.g. Europe/Paris");
        }
        if (breakAfterDifficultCalls < 1 || breakAfterMinutes < 1) {
            throw new IllegalArgumentException("permanence.secretaries.break-after-difficult-calls and break-after-minutes must be 1 or more");
        }
        protectedBreakMinutes = protectedBreakMinutes == null || protectedBreakMinutes.isEmpty() ? List.of(10) : List.copyOf(protectedBreakMinutes);
        protectedBreakMinutes.forEach(minutes -> {
            if (minutes < 1 || minutes > StatusChange.MAX_MINUTES) {
                throw new IllegalArgumentException("permanence.secretaries.protected-break-minutes: " + minutes + " is not 1 to " + StatusChange.MAX_MINUTES);
            }
        });
    }
}
