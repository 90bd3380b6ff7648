package org.permanence.assignment;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.permanence.system.FieldProblem;

/**
 * The hours a secretary works, as ranges per day in the office's time zone; outside them nothing is
 * routed to her. No range at all: she has not set any, and is never away for that.
 */
public record WorkingHours(List<Range> hours) {

    /** One range on a day: {@code {"day": "MONDAY", "starts": "09:00", "ends": "12:30"}}. */
    public record Range(DayOfWeek day, LocalTime starts, LocalTime ends) {
    }

    public WorkingHours {
        hours = hours == null ? List.of() : List.copyOf(hours);
    }

    public boolean cover(Instant moment, ZoneId zone) {
        if (hours.isEmpty()) {
            return true;
        }
        ZonedDateTime local = moment.atZone(zone);
        LocalTime time = local.toLocalTime();
        return hours.stream().anyMatch(range -> range.day() == local.getDayOfWeek()
                && !time.isBefore(range.starts()) && time.isBefore(range.ends()));
    }

    /** When her work began on that day, if it is a working day and has begun. */
    public Optional<Instant> startOfDay(Instant moment, ZoneId zone) {
        ZonedDateTime local = moment.atZone(zone);
        return hours.stream().filter(range -> range.day() == local.getDayOfWeek() && !local.toLocalTime().isBefore(range.starts()))
                .map(Range::starts).min(LocalTime::compareTo)
                .map(starts -> local.with(starts).toInstant());
    }

    /** Everything wrong with the ranges, said so that she can fix it; empty when they are fine. */
    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < hours.size(); i++) {
            Range range = hours.get(i);
            String field = "hours[" + i + "]";
            if (range == null || range.day() == null || range.starts() == null || range.ends() == null) {
                problems.add(FieldProblem.of(field, "workingHours.incomplete", "needs day (MONDAY…SUNDAY), starts and ends (HH:MM)"));
                continue;
            }
            if (!range.starts().isBefore(range.ends())) {
                problems.add(FieldProblem.of(field, "workingHours.endsBeforeStart", "starts at " + range.starts() + " but ends at "
                        + range.ends() + "; the end must come after the start", range.starts().toString(), range.ends().toString()));
                continue;
            }
            for (int j = 0; j < i; j++) {
                Range other = hours.get(j);
                if (other != null && other.day() == range.day() && other.starts() != null && other.ends() != null
                        && range.starts().isBefore(other.ends()) && other.starts().isBefore(range.ends())) {
                    problems.add(FieldProblem.of(field, "workingHours.overlap", range.day() + " " + range.starts() + "–" + range.ends()
                            + " overlaps " + other.starts() + "–" + other.ends() + " (hours[" + j + "])", range.starts().toString(),
                            range.ends().toString(), other.starts().toString(), other.ends().toString()));
                }
            }
        }
        return problems;
    }
}
