package org.permanence.appointments;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.permanence.clients.Client.AppointmentType;

/** A stretch of real time, start included, end excluded. */
public record Interval(Instant from, Instant until) {

    /**
     * The grid bookings are locked on (see appointment_slot_lock): every slot start lies on it, and an
     * occupied interval is widened to whole units, so a 7-minute buffer takes 10. Changing it would
     * orphan the locks already written, which is why it is no setting.
     */
    static final Duration LOCK_UNIT = Duration.ofMinutes(5);

    public Interval {
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException("an interval ends after it starts: " + from + " – " + until);
        }
    }

    /** What an appointment of this type starting then takes of the practitioner's time, buffers included. */
    static Interval buffered(Instant start, AppointmentType type) {
        return new Interval(start.minus(Duration.ofMinutes(type.bufferBeforeMinutes())),
                start.plus(Duration.ofMinutes(type.durationMinutes() + type.bufferAfterMinutes())));
    }

    /** The buffered interval widened to the lock grid: what a booking locks, and what it keeps others from. */
    static Interval occupied(Instant start, AppointmentType type) {
        Interval buffered = buffered(start, type);
        return new Interval(floor(buffered.from, LOCK_UNIT), ceil(buffered.until, LOCK_UNIT));
    }

    boolean overlaps(Interval other) {
        return from.isBefore(other.until) && other.from.isBefore(until);
    }

    boolean contains(Interval other) {
        return !other.from.isBefore(from) && !other.until.isAfter(until);
    }

    /** The start of each lock unit of an occupied interval. */
    List<Instant> lockUnits() {
        List<Instant> units = new ArrayList<>();
        for (Instant unit = from; unit.isBefore(until); unit = unit.plus(LOCK_UNIT)) {
            units.add(unit);
        }
        return units;
    }

    static boolean onGrid(Instant instant, Duration grid) {
        return instant.getNano() == 0 && instant.getEpochSecond() % grid.getSeconds() == 0;
    }

    static Instant floor(Instant instant, Duration grid) {
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), grid.getSeconds()) * grid.getSeconds());
    }

    static Instant ceil(Instant instant, Duration grid) {
        Instant floor = floor(instant, grid);
        return floor.equals(instant) ? floor : floor.plus(grid);
    }
}
