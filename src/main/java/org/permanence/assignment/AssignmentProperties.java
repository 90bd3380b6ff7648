package org.permanence.assignment;

import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How work is shared: the effort each task type weighs (by BPMN task id; others weigh
 * {@code defaultWeight}), the priority from which a task is urgent enough to reach a secretary in focus,
 * and {@code maxEffort}: from that much open effort on, a secretary is busy and gets no more ordinary work
 * pushed to her; it waits in the team queue for whoever is free first (0: no limit); and {@code focusWork}: the
 * paperwork a focus block is for (BPMN task ids), which goes to a secretary in focus first and never counts as an interruption.
 */
@ConfigurationProperties("permanence.assignment")
public record AssignmentProperties(Map<String, Integer> weights, int defaultWeight, int urgentPriority, int maxEffort,
                                   Set<String> focusWork) {

    public AssignmentProperties {
        weights = weights == null ? Map.of() : Map.copyOf(weights);
        focusWork = focusWork == null ? Set.of() : Set.copyOf(focusWork);
        weights.forEach((type, weight) -> {
            if (weight < 0) {
                throw new IllegalArgumentException("permanence.assignment.weights." + type + " must be 0 or more, not " + weight);
            }
        });
        if (maxEffort < 0) {
            throw new IllegalArgumentException("permanence.assignment.max-effort must be 0 (no limit) or more, not " + maxEffort);
        }
        if (defaultWeight < 0) {
            throw new IllegalArgumentException("permanence.assignment.default-weight must be 0 or more, not " + defaultWeight);
        }
    }

    public boolean isFocusWork(String taskType) {
        return taskType != null && focusWork.contains(taskType);
    }

    /** A task made by hand in Tasklist has no BPMN task id: it weighs the default. */
    public int weightOf(String taskType) {
        return taskType == null ? defaultWeight : weights.getOrDefault(taskType, defaultWeight);
    }
}
