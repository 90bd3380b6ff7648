package org.permanence.drafting;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a client's letters carry at the top and the bottom: its address, the town letters are dated
 * from (may be empty), and who signs. The logo is uploaded apart (an image in object storage); without one, the
 * client's initials are drawn in its place.
 */
public record Letterhead(@NotNull @Size(max = 6) List<@NotBlank @Size(max = 120) String> address,
                         @NotNull @Size(max = 100) String town,
                         @NotBlank @Size(max = 200) String signatory) {

    public Letterhead {
        address = List.copyOf(address);
    }
}
