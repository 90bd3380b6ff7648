package org.permanence.appointments;

import java.time.LocalDate;
import java.util.List;

/** The free slots of one client for one appointment type, over some days of the client's calendar. */
public record FreeSlots(String clientId, String type, String timeZone, LocalDate from, LocalDate to, List<Slot> slots) {
}
