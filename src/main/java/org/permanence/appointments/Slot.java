package org.permanence.appointments;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A free slot: when it starts on the client's clocks ({@code local}, with the {@code offset} in force
 * then, which tells apart the two 02:30 of the night clocks go back) and as an instant ({@code start}).
 */
public record Slot(LocalDateTime local, ZoneOffset offset, Instant start, Instant end) {
}
