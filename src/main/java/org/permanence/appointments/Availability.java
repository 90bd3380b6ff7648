package org.permanence.appointments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.permanence.clients.Client.AppointmentType;
import org.permanence.system.FieldProblem;
import org.permanence.system.SpokenDates;

/**
 * When an appointment of a type may start, in plain Java: on the slot grid, far enough ahead for the
 * type's minimum notice, inside one opening range <em>with its buffers</em> (the practitioner prepares
 * and tidies up in working time, not after closing), clear of closures and of what is already booked.
 */
final class Availability {

    private static final String START = "start";

    private final Duration step;

    Availability(Duration step) {
        this.step = step;
    }

    /** Free slots on these days of the client's calendar (both included), in time order. */
    List<Slot> freeSlots(Diary diary, AppointmentType type, LocalDate firstDay, LocalDate lastDay, Instant now) {
        List<Slot> free = new ArrayList<>();
        Duration before = Duration.ofMinutes(type.bufferBeforeMinutes());
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            for (Interval range : diary.openOn(day)) {
                // the grid is on real time: stepping through instants skips the hour clocks jump over
                for (Instant start = Interval.ceil(range.from().plus(before), step);
                     range.contains(Interval.buffered(start, type)); start = start.plus(step)) {
                    if (!tooSoon(type, start, now) && diary.closureDuring(Interval.buffered(start, type)).isEmpty()
                            && !diary.bookedDuring(Interval.occupied(start, type))) {
                        free.add(diary.slot(start, end(start, type)));
                    }
                }
            }
        }
        return free;
    }

    /**
     * Why an appointment of this type cannot start then, bookings of others aside: whether the slot is
     * still free is for the database to say, at the moment of booking (see {@link AppointmentBook#book}).
     */
    Optional<FieldProblem> refusal(Diary diary, AppointmentType type, Instant start, Instant now) {
        if (!Interval.onGrid(start, step)) {
            LocalTime example = LocalTime.of(9, 0).plus(step);
            return Optional.of(FieldProblem.of(START, "appointment.start.offGrid", "must be on the " + step.toMinutes()
                    + "-minute grid of the clock, such as 09:00 or " + example, step.toMinutes(), example.toString()));
        }
        if (tooSoon(type, start, now)) {
            return Optional.of(FieldProblem.of(START, "appointment.start.tooSoon", "is too soon: a " + type.name()
                    + " is booked at least " + type.minimumNoticeMinutes() + " minutes ahead", type.name(), type.minimumNoticeMinutes()));
        }
        Interval buffered = Interval.buffered(start, type);
        if (diary.openingRangeHolding(buffered).isEmpty()) {
            LocalDateTime local = diary.slot(start, end(start, type)).local();
            return Optional.of(FieldProblem.of(START, "appointment.start.closed", local + " is outside the opening hours for a "
                    + type.name() + " (" + type.durationMinutes() + " minutes, with " + type.bufferBeforeMinutes() + " before and "
                    + type.bufferAfterMinutes() + " after)", type.name(), type.durationMinutes(), type.bufferBeforeMinutes(),
                    type.bufferAfterMinutes(), SpokenDates.at(local, "fr"), SpokenDates.at(local, "en")));
        }
        return diary.closureDuring(buffered).map(closure -> FieldProblem.of(START, "appointment.start.closure",
                "falls in a closure (" + closure.reason() + ", " + closure.from() + " to " + closure.to() + ")",
                closure.reason(), SpokenDates.at(closure.from(), "fr"), SpokenDates.at(closure.to(), "fr"),
                SpokenDates.at(closure.from(), "en"), SpokenDates.at(closure.to(), "en")));
    }

    static Instant end(Instant start, AppointmentType type) {
        return start.plus(Duration.ofMinutes(type.durationMinutes()));
    }

    private static boolean tooSoon(AppointmentType type, Instant start, Instant now) {
        return start.isBefore(now.plus(Duration.ofMinutes(type.minimumNoticeMinutes())));
    }
}
