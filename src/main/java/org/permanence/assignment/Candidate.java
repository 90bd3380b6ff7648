package org.permanence.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A secretary who serves the task's client: her status, the types of the open tasks assigned to her,
 * the moods of the last calls she handled (newest first), and when a task was last assigned to her (null: never).
 */
public record Candidate(String userId, SecretaryStatus status, List<String> assignedTaskTypes, List<String> lastMoods,
                        Instant lastAssignedAt) {

    public Candidate {
        // not List.copyOf: a task made by hand in Tasklist has no type (null)
        assignedTaskTypes = Collections.unmodifiableList(new ArrayList<>(assignedTaskTypes));
        lastMoods = lastMoods.stream().map(mood -> mood == null ? "" : mood).toList();
    }

    /** The same secretary once this task is given to her: busier, and given work just now. */
    public Candidate given(String taskType, Instant at) {
        List<String> types = new ArrayList<>(assignedTaskTypes);
        types.add(taskType);
        return new Candidate(userId, status, types, lastMoods, at);
    }
}
