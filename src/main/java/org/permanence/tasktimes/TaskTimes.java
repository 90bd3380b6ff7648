package org.permanence.tasktimes;

import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The due delay and priority of a new task: the client's own for that task type, else the office's
 * for the type, else the office's default. The follow-up is the office's, by type.
 */
@Component
public class TaskTimes {

    private final TaskTimesProperties office;
    private final ClientTaskTimes clients;

    public TaskTimes(TaskTimesProperties office, ClientTaskTimes clients) {
        this.office = office;
        this.clients = clients;
    }

    /** {@code clientId} null: a task of no client (an unknown line) takes the office's times. */
    public TaskTime of(String clientId, String taskType) {
        TaskTime officeTime = taskType == null ? office.defaults() : office.types().getOrDefault(taskType, office.defaults());
        Optional<ClientTaskTimes.Delay> own = clientId == null || taskType == null ? Optional.empty() : clients.of(clientId).stream()
                .filter(delay -> delay.taskType().equals(taskType)).findFirst();
        return own.map(delay -> new TaskTime(Duration.ofMinutes(delay.dueWithinMinutes()), delay.priority(), officeTime.followUpAfter()))
                .orElse(officeTime);
    }
}
