package org.permanence.assignment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.permanence.assignment.engine.SimulatedOffice.Noted;

/** On the real engine and processes: a call's urgent follow-up goes to whoever took the call and knows it. */
@Tag("process")
@Tag("moves-engine-clock")
class CallFollowUpTest {

    // Friday 27 November 2026, 10:00 in Paris
    private static final Instant MORNING = Instant.parse("2026-11-27T09:00:00Z");
    private static final String PLUMBER = "plomberie-leroy";

    private final SimulatedOffice office = new SimulatedOffice(SimulatedOffice.Placing.OFFICE_POLICY, MORNING,
            Map.of("anne", List.of(PLUMBER), "beatrice", List.of(PLUMBER)));
    private final TaskService tasks = office.engine().getTaskService();

    @AfterEach
    void closeTheOffice() {
        office.close();
    }

    @Test
    void theUrgentFollowUpGoesToWhoeverTookTheCall() {
        Task handle = call("0666666666");
        String taker = assignee(handle);
        assertThat(taker).isNotNull();
        String colleague = taker.equals("anne") ? "beatrice" : "anne";

        office.complete(handle, taker, new Noted("urgent", "calm"));
        Task confirm = tasks.createTaskQuery().processInstanceId(handle.getProcessInstanceId()).taskDefinitionKey("ConfirmClientReached")
                .singleResult();
        assertThat(confirm.getAssignee()).as("not " + colleague + ", who never heard the caller").isEqualTo(taker);
    }

    private Task call(String caller) {
        String instance = office.ring(PLUMBER, caller);
        return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("HandleCall").singleResult();
    }

    private String assignee(Task task) {
        return tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
    }
}
