package org.permanence.appointments;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** All the closures of one client, as managers set them. */
public record ClientClosures(@NotNull List<@Valid @NotNull Closure> closures) {
}
