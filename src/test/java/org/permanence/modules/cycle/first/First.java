package org.permanence.modules.cycle.first;

import org.permanence.modules.cycle.second.Second;

/** Uses {@link Second}, which uses it back: the cycle {@code ModulesTest} expects to be refused. */
public record First(Second second) {
}
