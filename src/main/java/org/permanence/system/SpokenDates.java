package org.permanence.system;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as a person writes them in the middle of a sentence, in French or English: French
 * days and months in lower case, the first of the month as "1er", hours as "10 h 00"; English as
 * "Thursday 1 April 2027" and "10:00". Any other language is written as English.
 */
public final class SpokenDates {

    private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter FRENCH_FIRST = DateTimeFormatter.ofPattern("EEEE d'er' MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter ENGLISH_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private SpokenDates() {
    }

    /** "jeudi 1er avril 2027", "Thursday 1 April 2027". */
    public static String day(LocalDate day, String language) {
        if (french(language)) {
            return (day.getDayOfMonth() == 1 ? FRENCH_FIRST : FRENCH_DAY).format(day).toLowerCase(Locale.FRENCH);
        }
        return ENGLISH_DAY.format(day);
    }

    /** "10 h 00", "10:00". */
    public static String time(LocalTime time, String language) {
        return french(language) ? String.format(Locale.FRENCH, "%d h %02d", time.getHour(), time.getMinute())
                : String.format(Locale.ENGLISH, "%02d:%02d", time.getHour(), time.getMinute());
    }

    /** A moment in a sentence: "jeudi 4 janvier 2027 à 10 h 00", "Monday 4 January 2027 at 10:00". */
    public static String at(LocalDateTime moment, String language) {
        return day(moment.toLocalDate(), language) + (french(language) ? " à " : " at ") + time(moment.toLocalTime(), language);
    }

    /** A slot in a list to pick from: "jeudi 4 janvier 2027 — 10 h 00". */
    public static String slot(LocalDateTime start, String language) {
        return day(start.toLocalDate(), language) + " — " + time(start.toLocalTime(), language);
    }

    private static boolean french(String language) {
        return language != null && language.toLowerCase(Locale.ROOT).startsWith("fr");
    }
}
