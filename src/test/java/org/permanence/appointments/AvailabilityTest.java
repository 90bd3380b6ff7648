package org.permanence.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.permanence.clients.Client.AppointmentType;
import org.permanence.clients.Client.OpeningHours;

/** Free slots from opening hours, buffers, notice, closures and bookings, on the client's clocks. */
@Tag("unit")
class AvailabilityTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** A Tuesday. */
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final Instant LONG_BEFORE = Instant.parse("2025-12-01T00:00:00Z");
    private static final AppointmentType CONSULTATION = type(30, 0, 0, 0);

    private final Availability availability = new Availability(Duration.ofMinutes(15));

    @Test
    void anOrdinaryDayOffersAQuarterHourlySlotWhereverTheAppointmentEndsBeforeClosing() {
        List<Slot> slots = availability.freeSlots(diary(PARIS, weekdays()), CONSULTATION, DAY, DAY, LONG_BEFORE);

        assertThat(slots).hasSize(22);
        assertThat(slots.get(0)).isEqualTo(new Slot(LocalDateTime.of(2026, 12, 1, 9, 0), ZoneOffset.ofHours(1),
                Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-12-01T08:30:00Z")));
        assertThat(slots.get(slots.size() - 1).local()).isEqualTo(LocalDateTime.of(2026, 12, 1, 16, 30));
    }

    @Test
    void noAppointmentRunsIntoTheLunchBreak() {
        List<LocalTime> starts = startTimes(availability.freeSlots(diary(PARIS, weekdays()), CONSULTATION, DAY, DAY, LONG_BEFORE));

        assertThat(starts).contains(LocalTime.of(11, 30), LocalTime.of(14, 0))
                .noneMatch(start -> start.isAfter(LocalTime.of(11, 30)) && start.isBefore(LocalTime.of(14, 0)));
    }

    @Test
    void buffersBeforeAndAfterStayInsideOpeningHours() {
        AppointmentType withBuffers = type(30, 10, 15, 0);

        List<LocalTime> starts = startTimes(availability.freeSlots(diary(PARIS, weekdays()), withBuffers, DAY, DAY, LONG_BEFORE));

        // 09:00 would need its 10 minutes before from 08:50; 11:30 would tidy up until 12:15
        assertThat(starts).startsWith(LocalTime.of(9, 15)).contains(LocalTime.of(11, 15)).doesNotContain(LocalTime.of(11, 30));
        assertThat(starts.get(starts.size() - 1)).isEqualTo(LocalTime.of(16, 15));
    }

    @Test
    void theMinimumNoticeHidesSlotsTooCloseToNow() {
        Instant now = OffsetDateTime.parse("2026-12-01T09:20+01:00").toInstant();

        List<LocalTime> starts = startTimes(availability.freeSlots(diary(PARIS, weekdays()), type(30, 0, 0, 60), DAY, DAY, now));

        assertThat(starts.get(0)).isEqualTo(LocalTime.of(10, 30));
    }

    @Test
    void closuresTakeAWholeDayOrPartOfOne() {
        List<Closure> closures = List.of(new Closure(DAY.atStartOfDay(), DAY.plusDays(1).atStartOfDay(), "Formation"),
                new Closure(DAY.plusDays(1).atTime(10, 0), DAY.plusDays(1).atTime(11, 0), "Réunion"));
        Diary diary = new Diary(PARIS, weekdays(), closures, List.of());

        List<Slot> slots = availability.freeSlots(diary, CONSULTATION, DAY, DAY.plusDays(1), LONG_BEFORE);

        assertThat(slots).allMatch(slot -> slot.local().toLocalDate().equals(DAY.plusDays(1)));
        assertThat(startTimes(slots)).contains(LocalTime.of(9, 30), LocalTime.of(11, 0))
                .noneMatch(start -> start.isAfter(LocalTime.of(9, 30)) && start.isBefore(LocalTime.of(11, 0)));
    }

    @Test
    void aBookedIntervalWithItsBuffersIsNotOfferedAgain() {
        // booked 10:00–10:30 with 15 minutes after it
        Interval booked = Interval.occupied(OffsetDateTime.parse("2026-12-01T10:00+01:00").toInstant(), type(30, 0, 15, 0));
        Diary diary = new Diary(PARIS, weekdays(), List.of(), List.of(booked));

        List<LocalTime> plain = startTimes(availability.freeSlots(diary, CONSULTATION, DAY, DAY, LONG_BEFORE));
        List<LocalTime> buffered = startTimes(availability.freeSlots(diary, type(30, 10, 0, 0), DAY, DAY, LONG_BEFORE));

        assertThat(plain).contains(LocalTime.of(9, 30), LocalTime.of(10, 45))
                .doesNotContain(LocalTime.of(9, 45), LocalTime.of(10, 0), LocalTime.of(10, 15), LocalTime.of(10, 30));
        // its 10 minutes before would start at 10:35, while the booking still holds the room
        assertThat(buffered).doesNotContain(LocalTime.of(10, 45)).contains(LocalTime.of(11, 0));
    }

    @Test
    void theNightClocksSpringForwardHasNoSlotAtHalfPastTwo() {
        // last Sunday of March 2026: 02:00 becomes 03:00 in Paris; a night service open 01:00–05:00
        LocalDate springForward = LocalDate.of(2026, 3, 29);
        Diary diary = diary(PARIS, List.of(new OpeningHours(DayOfWeek.SUNDAY, LocalTime.of(1, 0), LocalTime.of(5, 0))));

        List<Slot> slots = availability.freeSlots(diary, CONSULTATION, springForward, springForward, LONG_BEFORE);

        // three real hours of opening: 11 half-hours may start in them
        assertThat(slots).hasSize(11).noneMatch(slot -> slot.local().getHour() == 2);
        assertThat(slots).filteredOn(slot -> slot.local().toLocalTime().equals(LocalTime.of(1, 45))).singleElement()
                .satisfies(slot -> assertThat(slot.end()).isEqualTo(OffsetDateTime.parse("2026-03-29T03:15+02:00").toInstant()));
    }

    @Test
    void nineOClockStaysNineOClockOnTheClockAcrossBothChanges() {
        Diary diary = diary(PARIS, weekdays());

        Slot beforeSpring = firstOn(diary, LocalDate.of(2026, 3, 27));
        Slot afterSpring = firstOn(diary, LocalDate.of(2026, 3, 30));
        Slot afterFall = firstOn(diary, LocalDate.of(2026, 10, 26));

        assertThat(List.of(beforeSpring, afterSpring, afterFall)).extracting(slot -> slot.local().toLocalTime())
                .containsOnly(LocalTime.of(9, 0));
        assertThat(beforeSpring.start()).isEqualTo(Instant.parse("2026-03-27T08:00:00Z"));
        assertThat(afterSpring.start()).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(afterFall.start()).isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
    }

    @Test
    void theNightClocksFallBackOffersHalfPastTwoTwiceWithItsTwoOffsets() {
        // last Sunday of October 2026: 03:00 becomes 02:00 again; 01:00–04:00 lasts four real hours
        LocalDate fallBack = LocalDate.of(2026, 10, 25);
        Diary diary = diary(PARIS, List.of(new OpeningHours(DayOfWeek.SUNDAY, LocalTime.of(1, 0), LocalTime.of(4, 0))));

        List<Slot> slots = availability.freeSlots(diary, CONSULTATION, fallBack, fallBack, LONG_BEFORE);

        assertThat(slots).hasSize(15);
        assertThat(slots).filteredOn(slot -> slot.local().toLocalTime().equals(LocalTime.of(2, 30)))
                .extracting(Slot::offset, Slot::start)
                .containsExactly(tuple(ZoneOffset.ofHours(2), Instant.parse("2026-10-25T00:30:00Z")),
                        tuple(ZoneOffset.ofHours(1), Instant.parse("2026-10-25T01:30:00Z")));
    }

    @Test
    void aClientInMontrealIsOpenOnItsOwnClocks() {
        Diary diary = diary(ZoneId.of("America/Montreal"), weekdays());

        assertThat(firstOn(diary, DAY)).isEqualTo(new Slot(LocalDateTime.of(2026, 12, 1, 9, 0), ZoneOffset.ofHours(-5),
                Instant.parse("2026-12-01T14:00:00Z"), Instant.parse("2026-12-01T14:30:00Z")));
    }

    @Test
    void aStartIsRefusedOffTheGridTooSoonOutsideHoursOrInAClosure() {
        Diary diary = new Diary(PARIS, weekdays(), List.of(new Closure(DAY.atTime(15, 0), DAY.atTime(16, 0), "Réunion")), List.of());
        Instant now = OffsetDateTime.parse("2026-12-01T08:00+01:00").toInstant();
        AppointmentType withNotice = type(30, 10, 0, 120);

        assertThat(availability.refusal(diary, withNotice, at("11:00"), now)).isEmpty();
        assertThat(availability.refusal(diary, withNotice, at("11:05"), now)).get().asString().contains("grid");
        assertThat(availability.refusal(diary, withNotice, at("09:45"), now)).get().asString().contains("too soon");
        // its 10 minutes before would fall in the lunch break
        assertThat(availability.refusal(diary, withNotice, at("14:00"), now)).get().asString().contains("outside the opening hours");
        assertThat(availability.refusal(diary, withNotice, at("15:15"), now)).get().asString().contains("Réunion");
    }

    private static Instant at(String time) {
        return OffsetDateTime.parse(DAY + "T" + time + "+01:00").toInstant();
    }

    private Slot firstOn(Diary diary, LocalDate day) {
        List<Slot> slots = availability.freeSlots(diary, CONSULTATION, day, day, LONG_BEFORE);
        assertThat(slots).isNotEmpty();
        return slots.get(0);
    }

    private static List<LocalTime> startTimes(List<Slot> slots) {
        return slots.stream().map(slot -> slot.local().toLocalTime()).toList();
    }

    private static Diary diary(ZoneId zone, List<OpeningHours> hours) {
        return new Diary(zone, hours, List.of(), List.of());
    }

    /** Monday to Friday, 09:00–12:00 and 14:00–17:00. */
    private static List<OpeningHours> weekdays() {
        List<OpeningHours> hours = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.add(new OpeningHours(day, LocalTime.of(9, 0), LocalTime.of(12, 0)));
            hours.add(new OpeningHours(day, LocalTime.of(14, 0), LocalTime.of(17, 0)));
        }
        return hours;
    }

    private static AppointmentType type(int duration, int before, int after, int notice) {
        return new AppointmentType("consultation", "consultation", duration, before, after, notice);
    }
}
