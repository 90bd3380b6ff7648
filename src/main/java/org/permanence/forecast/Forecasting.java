package org.permanence.forecast;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns the load forecast from the office's call records: for each client and quarter-hour of the week,
 * the mean number of calls over the last {@code weeks} weeks, smoothed over the neighbouring quarter-hours
 * of the same day (a few weeks of a small office are too few calls for one quarter-hour alone). A client with
 * less history than that leans on the default curve in proportion: a new client is the default curve, one
 * with two weeks of four is half hers, half the default.
 */
public final class Forecasting {

    /** A call that rang on a client's line. */
    public record Rang(String client, Instant at) {
    }

    /**
     * The default office: calls per hour from 8:00 to 18:00 on weekdays relative to the day's mean, a morning
     * peak from 9:00 to 12:00, a lull at lunch and an early-afternoon peak from 14:00 to 16:00; none at night or on weekends.
     */
    private static final double[] DEFAULT_HOURS = {0.6, 1.3, 1.4, 1.1, 0.5, 0.6, 1.2, 1.2, 1.0, 0.6};
    private static final int DEFAULT_OPENS_AT = 8;
    /** Quarter-hours either side of one that it is averaged with. */
    private static final int SMOOTHING = 2;

    private final ForecastProperties properties;

    public Forecasting(ForecastProperties properties) {
        this.properties = properties;
    }

    /** What the last weeks' calls before {@code now} say of each client's coming weeks; {@code clients}: those to forecast even without a call. */
    public LoadForecast learn(List<Rang> calls, Iterable<String> clients, Instant now) {
        ZoneId zone = properties.timeZone();
        Duration window = Duration.ofDays(7L * properties.weeks());
        Instant since = now.minus(window);
        Map<String, double[]> counts = new HashMap<>();
        Map<String, Instant> firstSeen = new HashMap<>();
        clients.forEach(client -> counts.put(client, new double[LoadForecast.SLOTS]));
        for (Rang call : calls) {
            if (call.client() == null || call.at().isBefore(since) || !call.at().isBefore(now)) {
                continue;
            }
            counts.computeIfAbsent(call.client(), client -> new double[LoadForecast.SLOTS])[LoadForecast.slotOf(call.at().atZone(zone))]++;
            firstSeen.merge(call.client(), call.at(), (a, b) -> a.isBefore(b) ? a : b);
        }
        double[] defaultCurve = defaultCurve();
        Map<String, double[]> curves = new HashMap<>();
        counts.forEach((client, count) -> {
            // whole weeks of history this client has in the window, from its first call in it
            double weeksSeen = firstSeen.containsKey(client)
                    ? Math.min(properties.weeks(), Math.ceil(Duration.between(firstSeen.get(client), now).toMinutes() / (7 * 24 * 60.0)))
                    : 0;
            double learnt = weeksSeen / properties.weeks();
            double[] smoothed = smoothed(count);
            double[] curve = new double[LoadForecast.SLOTS];
            for (int slot = 0; slot < curve.length; slot++) {
                double mean = weeksSeen == 0 ? 0 : smoothed[slot] / weeksSeen;
                curve[slot] = learnt * mean + (1 - learnt) * defaultCurve[slot];
            }
            curves.put(client, curve);
        });
        return new LoadForecast(zone, curves, defaultCurve);
    }

    /** A new client's curve: calls per quarter-hour, the default hours' shape at the default volume. */
    double[] defaultCurve() {
        double mean = Arrays.stream(DEFAULT_HOURS).average().orElse(1);
        double[] curve = new double[LoadForecast.SLOTS];
        for (int day = 0; day < 5; day++) {
            for (int hour = 0; hour < DEFAULT_HOURS.length; hour++) {
                for (int quarter = 0; quarter < 4; quarter++) {
                    curve[day * 96 + (DEFAULT_OPENS_AT + hour) * 4 + quarter] = properties.defaultCallsPerHour() * DEFAULT_HOURS[hour] / mean / 4;
                }
            }
        }
        return curve;
    }

    /** Each quarter-hour averaged with its neighbours of the same day. */
    private static double[] smoothed(double[] counts) {
        double[] smoothed = new double[counts.length];
        for (int slot = 0; slot < counts.length; slot++) {
            int dayStart = slot - slot % 96;
            double sum = 0;
            int n = 0;
            for (int other = Math.max(dayStart, slot - SMOOTHING); other <= Math.min(dayStart + 95, slot + SMOOTHING); other++) {
                sum += counts[other];
                n++;
            }
            smoothed[slot] = sum / n;
        }
        return smoothed;
    }
}
