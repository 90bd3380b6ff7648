package org.permanence.appointments;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Free slots grouped by day, as the reschedule page lists them: "lundi 7 décembre", then 09:00, 09:15… */
public record SlotDays(String day, List<Choice> choices) {

    /** One slot to pick: its time on the client's clocks, and the instant the form sends back. */
    public record Choice(String time, String value) {
    }

    public static List<SlotDays> of(List<Slot> slots, String language) {
        DateTimeFormatter dayFormat = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.forLanguageTag(language));
        Map<LocalDate, List<Choice>> byDay = new LinkedHashMap<>();
        for (Slot slot : slots) {
            byDay.computeIfAbsent(slot.local().toLocalDate(), day -> new ArrayList<>())
                    .add(new Choice(slot.local().toLocalTime().toString(), slot.start().toString()));
        }
        List<SlotDays> days = new ArrayList<>();
        byDay.forEach((day, choices) -> days.add(new SlotDays(dayFormat.format(day), choices)));
        return days;
    }
}
