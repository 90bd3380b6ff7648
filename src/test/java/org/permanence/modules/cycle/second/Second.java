package org.permanence.modules.cycle.second;

import org.permanence.modules.cycle.first.First;

/** Uses {@link First}, which uses it back. */
public record Second(First first) {
}
