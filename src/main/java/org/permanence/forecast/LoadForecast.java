package org.permanence.forecast;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * The calls each client is expected to receive in each quarter-hour of the week, in the office's time
 * zone; a client it never learnt gets the default curve.
 */
public final class LoadForecast {

    /** Quarter-hours in a week. */
    public static final int SLOTS = 7 * 24 * 4;
    static final Duration QUARTER_HOUR = Duration.ofMinutes(15);

    private final ZoneId zone;
    private final Map<String, double[]> callsPerSlot;
    private final double[] unknownClient;

    LoadForecast(ZoneId zone, Map<String, double[]> callsPerSlot, double[] unknownClient) {
        this.zone = zone;
        this.callsPerSlot = Map.copyOf(callsPerSlot);
        this.unknownClient = unknownClient;
    }

    /** The quarter-hour of the week a moment falls in, Monday 00:00 being 0. */
    static int slotOf(ZonedDateTime local) {
        return (local.getDayOfWeek().getValue() - 1) * 96 + local.getHour() * 4 + local.getMinute() / 15;
    }

    /** Calls expected per hour for the client around that moment (the rate of its quarter-hour). */
    public double callsPerHour(String client, Instant at) {
        return 4 * curveOf(client)[slotOf(at.atZone(zone))];
    }

    /** Calls expected for the client from one moment to another, by whole quarter-hours started in between. */
    public double expectedCalls(String client, Instant from, Instant to) {
        double[] curve = curveOf(client);
        double calls = 0;
        for (Instant at = from; at.isBefore(to); at = at.plus(QUARTER_HOUR)) {
            calls += curve[slotOf(at.atZone(zone))];
        }
        return calls;
    }

    /** Whether the client's rate at that moment is above its mean over the hours it gets calls on that day. */
    public boolean isPeak(String client, Instant at) {
        double[] curve = curveOf(client);
        int slot = slotOf(at.atZone(zone));
        int dayStart = slot - slot % 96;
        double sum = 0;
        int open = 0;
        for (int i = dayStart; i < dayStart + 96; i++) {
            if (curve[i] > 0) {
                sum += curve[i];
                open++;
            }
        }
        return open > 0 && curve[slot] > sum / open;
    }

    ZoneId zone() {
        return zone;
    }

    private double[] curveOf(String client) {
        return callsPerSlot.getOrDefault(client, unknownClient);
    }
}
