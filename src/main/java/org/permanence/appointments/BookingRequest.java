package org.permanence.appointments;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A secretary's booking: which type, when (an instant with its offset, as a free slot gives it: local
 * time plus offset, or UTC), and the caller, reachable by phone or e-mail.
 */
public record BookingRequest(@NotBlank String type,
                             @NotNull OffsetDateTime start,
                             @NotBlank @Size(max = 200) String callerName,
                             @Size(max = 40) String callerNumber,
                             @Email @Size(max = 320) String callerEmail) {
}
