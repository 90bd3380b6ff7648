package org.permanence.appointments;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A time the client takes no appointments (holidays, a training day), in the client's own
 * wall-clock time, end excluded: a whole day runs from its 00:00 to the next day's.
 */
public record Closure(@NotNull LocalDateTime from, @NotNull LocalDateTime to, @NotBlank @Size(max = 200) String reason) {
}
