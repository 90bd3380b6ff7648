package org.permanence.links;

/**
 * What a link turned out to be when someone opened it. Only {@link #VALID} lets anything happen; the
 * others each have their own page, so the person knows whether to ask for a new link.
 */
public enum LinkOutcome {
    VALID,
    /** Not a link we signed: cut, altered or made up. */
    TAMPERED,
    /** Signed by us, but too late. */
    EXPIRED,
    /** Signed by us, but for another action (a cancel link opened as a confirm link). */
    WRONG_ACTION,
    /** Signed by us and already used once. */
    USED
}
