package org.permanence.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SpokenDatesTest {

    @Test
    void theFirstOfTheMonthIsPremierInFrenchOnly() {
        assertThat(SpokenDates.day(LocalDate.of(2027, 4, 1), "fr")).isEqualTo("jeudi 1er avril 2027");
        assertThat(SpokenDates.day(LocalDate.of(2027, 4, 1), "en")).isEqualTo("Thursday 1 April 2027");
        assertThat(SpokenDates.day(LocalDate.of(2027, 4, 2), "fr")).isEqualTo("vendredi 2 avril 2027");
        assertThat(SpokenDates.day(LocalDate.of(2027, 4, 11), "fr")).isEqualTo("dimanche 11 avril 2027");
    }

    @Test
    void frenchDaysAndMonthsAreLowerCaseMidSentence() {
        assertThat(SpokenDates.at(LocalDateTime.of(2026, 12, 7, 9, 5), "fr")).isEqualTo("lundi 7 décembre 2026 à 9 h 05");
        assertThat(SpokenDates.at(LocalDateTime.of(2026, 12, 7, 9, 5), "en")).isEqualTo("Monday 7 December 2026 at 09:05");
    }

    @Test
    void aSlotToPickNamesItsDayThenItsHour() {
        assertThat(SpokenDates.slot(LocalDateTime.of(2027, 1, 4, 10, 0), "fr")).isEqualTo("lundi 4 janvier 2027 — 10 h 00");
        assertThat(SpokenDates.time(LocalTime.of(14, 30), "fr")).isEqualTo("14 h 30");
        assertThat(SpokenDates.time(LocalTime.of(14, 30), "en")).isEqualTo("14:30");
    }
}
