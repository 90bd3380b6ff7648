package org.permanence.assignment.engine;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the assignment weighs of each secretary's work, read from the engine's own tables in the new
 * task's transaction: the type of each open task she holds, and when her newest task began. The
 * engine's task and history queries did the same for every new task by loading each open task whole
 * and building their SQL anew (MyBatis' dynamic SQL was a third of the engine node's CPU under load).
 */
class SecretariesWork {

    private final JdbcClient jdbc;

    SecretariesWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The task definition keys of the open tasks each of them holds. */
    Map<String, List<String>> openTaskTypes(List<String> secretaries) {
        Map<String, List<String>> types = new HashMap<>();
        jdbc.sql("select assignee_, task_def_key_ from act_ru_task where assignee_ in (:secretaries)")
                .param("secretaries", secretaries)
                .query((RowCallbackHandler) row -> types.computeIfAbsent(row.getString(1), id -> new ArrayList<>()).add(row.getString(2)));
        return types;
    }

    /** When the newest task she holds or held began (close enough to when work last reached her); null before her first. */
    Instant lastAssignedAt(String userId) {
        return jdbc.sql("select start_time_ from act_hi_taskinst where assignee_ = ? order by start_time_ desc limit 1")
                .param(userId).query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
    }
}
