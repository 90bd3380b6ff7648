package org.permanence.tasktimes;

import java.time.Duration;

/**
 * How soon a type of task must be done and how it ranks: due {@code dueWithin} after it appears,
 * with this priority (0–100; from {@code permanence.assignment.urgent-priority} on it is urgent), and,
 * for a task that waits on someone, looked at again {@code followUpAfter} after it appears (null: no follow-up).
 */
public record TaskTime(Duration dueWithin, int priority, Duration followUpAfter) {

    public TaskTime {
        if (dueWithin == null || dueWithin.isNegative() || dueWithin.isZero()) {
            throw new IllegalArgumentException("a task's due-within must be a positive duration, not " + dueWithin);
        }
        if (priority < 0 || priority > 100) {
            throw new IllegalArgumentException("a task's priority must be 0 to 100, not " + priority);
        }
    }
}
