package org.permanence.forecast;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the office forecasts its phones and places focus blocks: {@code weeks} of call records learnt
 * (a client with less history leans on the default curve, in proportion); {@code defaultCallsPerHour},
 * a new client's mean over the opening hours of the default curve; {@code minutesPerCall}, the time on the
 * phone and its follow-ups a call costs; {@code maxOccupancy}, the share of her time a secretary on the phone
 * may be busy at a forecast moment before the team counts as short there; {@code focusMinutes}, the length
 * of a proposed focus block; {@code timeZone}, the office's clock (quarter-hours of its week).
 */
@ConfigurationProperties("permanence.forecast")
public record ForecastProperties(ZoneId timeZone, int weeks, double defaultCallsPerHour, double minutesPerCall, double maxOccupancy,
                                 int focusMinutes) {

    public ForecastProperties {
        if (timeZone == null) {
            throw new IllegalArgumentException("permanence.forecast.time-zone is required, e.g. Europe/Paris");
        }
        if (weeks < 1) {
            throw new IllegalArgumentException("permanence.forecast.weeks must be 1 or more, not " + weeks);
        }
        if (defaultCallsPerHour < 0 || minutesPerCall <= 0) {
            throw new IllegalArgumentException("permanence.forecast.default-calls-per-hour must be 0 or more and minutes-per-call more than 0");
        }
        if (maxOccupancy <= 0 || maxOccupancy > 1) {
            throw new IllegalArgumentException("permanence.forecast.max-occupancy is a share of her time: more than 0, at most 1, not " + maxOccupancy);
        }
        if (focusMinutes < 15 || focusMinutes % 15 != 0) {
            throw new IllegalArgumentException("permanence.forecast.focus-minutes must be whole quarter-hours (15, 30, …), not " + focusMinutes);
        }
    }
}
