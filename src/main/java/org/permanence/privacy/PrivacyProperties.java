package org.permanence.privacy;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The office's defaults for how long records are kept, in days, by kind (a client's managers may set their
 * own), how long the access log is kept, and how often the purge runs.
 */
@ConfigurationProperties("permanence.privacy")
public record PrivacyProperties(Map<RecordKind, Integer> retentionDays, int accessLogDays, Duration purgeEvery, boolean purge) {

    public PrivacyProperties {
        Map<RecordKind, Integer> days = new EnumMap<>(RecordKind.class);
        if (retentionDays != null) {
            days.putAll(retentionDays);
        }
        for (RecordKind kind : RecordKind.values()) {
            Integer kept = days.get(kind);
            if (kept == null || kept < 1) {
                throw new IllegalArgumentException("permanence.privacy.retention-days." + kind.name().toLowerCase()
                        + " must be a number of days, 1 or more (was " + kept + ")");
            }
        }
        retentionDays = Map.copyOf(days);
        if (accessLogDays < 1) {
            throw new IllegalArgumentException("permanence.privacy.access-log-days must be 1 or more (was " + accessLogDays + ")");
        }
        purgeEvery = purgeEvery == null ? Duration.ofHours(1) : purgeEvery;
    }
}
