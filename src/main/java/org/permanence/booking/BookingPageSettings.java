package org.permanence.booking;

import java.util.List;

/** Whether a client's booking page is open, and the codes of the appointment types callers may book there. */
public record BookingPageSettings(boolean enabled, List<String> typeCodes) {

    public static final BookingPageSettings OFF = new BookingPageSettings(false, List.of());

    public BookingPageSettings {
        typeCodes = List.copyOf(typeCodes);
    }
}
