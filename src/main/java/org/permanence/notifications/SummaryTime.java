package org.permanence.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a client's daily summary is due: its chosen hour on its own clock, whatever the offset that day.
 * On the spring-forward day an hour that does not exist (02:30 in Paris) comes an hour later, as
 * the clocks show it; on the fall-back day an hour that exists twice comes the first time only.
 */
final class SummaryTime {

    private SummaryTime() {
    }

    /** The first time strictly after {@code after} that the client's clock shows {@code at}. */
    static Instant next(LocalTime at, ZoneId zone, Instant after) {
        LocalDate today = after.atZone(zone).toLocalDate();
        Instant due = ZonedDateTime.of(today, at, zone).toInstant();
        return due.isAfter(after) ? due : ZonedDateTime.of(today.plusDays(1), at, zone).toInstant();
    }
}
