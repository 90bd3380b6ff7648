package org.permanence.assignment.engine;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.permanence.assignment.AssignmentPolicy;
import org.permanence.assignment.TaskToAssign;
import org.permanence.people.Groups;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The work waiting in the team queue that a secretary could do (of the clients she serves, offered to the
 * secretaries, nobody's yet), in the order it should reach her: urgent first, then as it arrived. Read from the
 * engine's tables in the caller's transaction, as {@link SecretariesWork} does.
 */
class WaitingWork {

    /** Looked at, at most, each time work is handed out: a long queue is worked through as people become free. */
    static final int LIMIT = 20;

    /** One waiting task, and when it arrived. */
    record Waiting(String taskId, String tenantId, TaskToAssign task, Instant arrived) {
    }

    private final JdbcClient jdbc;
    private final AssignmentPolicy policy;

    WaitingWork(JdbcClient jdbc, AssignmentPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    /** Her waiting work, urgent first, then oldest first. */
    List<Waiting> of(String userId) {
        List<Waiting> waiting = jdbc.sql("""
                        select t.id_, t.tenant_id_, t.task_def_key_, t.priority_, t.create_time_,
                            (select v.text_ from act_ru_variable v where v.execution_id_ = t.proc_inst_id_ and v.task_id_ is null
                                and v.name_ = :category) as category,
                            (select v.text_ from act_ru_variable v where v.execution_id_ = t.proc_inst_id_ and v.task_id_ is null
                                and v.name_ = :takenBy) as taken_by
                        from act_ru_task t
                        where t.assignee_ is null and t.suspension_state_ = 1
                          and t.tenant_id_ in (select m.tenant_id_ from act_id_tenant_member m where m.user_id_ = :user
                              or m.group_id_ in (select g.group_id_ from act_id_membership g where g.user_id_ = :user))
                          and exists (select 1 from act_ru_identitylink l where l.task_id_ = t.id_ and l.type_ = 'candidate'
                              and l.group_id_ = :secretaries)
                        order by t.create_time_, t.id_""")
                .param("category", AssignNewTask.CALL_CATEGORY).param("takenBy", TaskAssignmentPlugin.HANDLED_BY)
                .param("user", userId).param("secretaries", Groups.SECRETARIES)
                .query((rs, row) -> new Waiting(rs.getString("id_"), rs.getString("tenant_id_"),
                        new TaskToAssign(rs.getString("task_def_key_"), rs.getInt("priority_"), rs.getString("category"), rs.getString("taken_by")),
                        rs.getTimestamp("create_time_").toInstant()))
                .list();
        return waiting.stream().sorted(Comparator.comparing((Waiting work) -> !policy.isUrgent(work.task())))
                .limit(LIMIT).toList();
    }
}
