package org.permanence.assignment;

/** A secretary opened her status page: whatever she should have in Tasklist (her own filters) can be made now. */
public record PresencePageOpened(String userId) {
}
