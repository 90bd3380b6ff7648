package org.permanence.appointments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import org.permanence.clients.Client.OpeningHours;

/**
 * A client's diary over some days: when it is open, on its own clocks, when it is closed, and what
 * is already booked (the occupied intervals of its BOOKED appointments).
 */
record Diary(ZoneId zone, List<OpeningHours> openingHours, List<Closure> closures, NavigableMap<Instant, Instant> booked) {

    Diary(ZoneId zone, List<OpeningHours> openingHours, List<Closure> closures, List<Interval> booked) {
        this(zone, openingHours, closures, byStart(booked));
    }

    /**
     * The day's opening ranges as real time. An opening time that the clocks skip (spring forward)
     * starts at the first instant after the gap; an opening range that the clocks repeat (fall back)
     * runs from the first occurrence of its opening to the last of its closing, so it lasts an hour more.
     */
    List<Interval> openOn(LocalDate day) {
        return openingHours.stream()
                .filter(hours -> hours.day() == day.getDayOfWeek())
                .sorted(Comparator.comparing(OpeningHours::opens))
                .map(hours -> new Interval(ZonedDateTime.of(day, hours.opens(), zone).withEarlierOffsetAtOverlap().toInstant(),
                        ZonedDateTime.of(day, hours.closes(), zone).withLaterOffsetAtOverlap().toInstant()))
                .toList();
    }

    /** The opening range this interval lies in entirely, if any. */
    Optional<Interval> openingRangeHolding(Interval interval) {
        LocalDate day = LocalDateTime.ofInstant(interval.from(), zone).toLocalDate();
        return openOn(day).stream().filter(range -> range.contains(interval)).findFirst();
    }

    Optional<Closure> closureDuring(Interval interval) {
        return closures.stream().filter(closure -> realTime(closure).overlaps(interval)).findFirst();
    }

    /** Booked intervals never overlap one another (the locks see to it), so the one starting last before the end is the only suspect. */
    boolean bookedDuring(Interval interval) {
        Map.Entry<Instant, Instant> last = booked.lowerEntry(interval.until());
        return last != null && last.getValue().isAfter(interval.from());
    }

    Slot slot(Instant start, Instant end) {
        return new Slot(LocalDateTime.ofInstant(start, zone), zone.getRules().getOffset(start), start, end);
    }

    private Interval realTime(Closure closure) {
        return new Interval(ZonedDateTime.of(closure.from(), zone).toInstant(), ZonedDateTime.of(closure.to(), zone).toInstant());
    }

    private static NavigableMap<Instant, Instant> byStart(List<Interval> booked) {
        NavigableMap<Instant, Instant> byStart = new TreeMap<>();
        booked.forEach(interval -> byStart.put(interval.from(), interval.until()));
        return byStart;
    }
}
