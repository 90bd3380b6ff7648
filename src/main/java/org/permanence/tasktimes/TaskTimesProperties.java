package org.permanence.tasktimes;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The office's delays and priorities by task type (the BPMN task id), used where a client set none;
 * a type listed nowhere, such as a task of a process added tomorrow, takes {@code defaults}.
 */
@ConfigurationProperties("permanence.task-times")
public record TaskTimesProperties(TaskTime defaults, Map<String, TaskTime> types) {

    public TaskTimesProperties {
        if (defaults == null) {
            throw new IllegalArgumentException("permanence.task-times.defaults is required (due-within and priority)");
        }
        types = types == null ? Map.of() : Map.copyOf(types);
    }
}
