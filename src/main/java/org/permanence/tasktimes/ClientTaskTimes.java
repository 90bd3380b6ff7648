package org.permanence.tasktimes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.permanence.system.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Each client's own delays and priorities by task type (table {@code client_task_time}), its SLA with the office. */
@Repository
public class ClientTaskTimes {

    /** {@code {"taskType": "CallBack", "dueWithinMinutes": 60, "priority": 60}}. */
    public record Delay(String taskType, int dueWithinMinutes, int priority) {
    }

    static final int MAX_MINUTES = 10080;

    private final JdbcClient jdbc;

    public ClientTaskTimes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Delay> of(String clientId) {
        return jdbc.sql("select * from client_task_time where client_id = ? order by task_type").param(clientId)
                .query((rs, row) -> new Delay(rs.getString("task_type"), rs.getInt("due_within_minutes"), rs.getInt("priority"))).list();
    }

    /** Replaces the client's delays whole; an empty list leaves every type to the office's defaults. */
    @Transactional
    public List<Delay> replace(String clientId, List<Delay> delays) {
        jdbc.sql("delete from client_task_time where client_id = ?").param(clientId).update();
        delays.forEach(delay -> jdbc.sql("insert into client_task_time (client_id, task_type, due_within_minutes, priority) values (?, ?, ?, ?)")
                .params(clientId, delay.taskType(), delay.dueWithinMinutes(), delay.priority()).update());
        return of(clientId);
    }

    static List<FieldProblem> problems(List<Delay> delays) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < delays.size(); i++) {
            Delay delay = delays.get(i);
            String field = "delays[" + i + "]";
            if (delay == null || delay.taskType() == null || !delay.taskType().matches("[A-Za-z_][A-Za-z0-9_.-]{0,99}")) {
                problems.add(FieldProblem.of(field + ".taskType", "taskTimes.taskType.required", "the BPMN id of a user task, such as CallBack"));
                continue;
            }
            if (!seen.add(delay.taskType())) {
                problems.add(FieldProblem.of(field + ".taskType", "taskTimes.taskType.twice", delay.taskType() + " is listed twice", delay.taskType()));
            }
            if (delay.dueWithinMinutes() < 1 || delay.dueWithinMinutes() > MAX_MINUTES) {
                problems.add(FieldProblem.of(field + ".dueWithinMinutes", "taskTimes.dueWithinMinutes.range", "from 1 to " + MAX_MINUTES + " minutes (a week)", MAX_MINUTES));
            }
            if (delay.priority() < 0 || delay.priority() > 100) {
                problems.add(FieldProblem.of(field + ".priority", "taskTimes.priority.range", "from 0 to 100"));
            }
        }
        return problems;
    }
}
