package org.permanence.assignment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.permanence.assignment.engine.SimulatedOffice.Noted;

/** On the real engine and processes: a call's urgent follow-up goes to whoever took the call and knows it. */
@Tag("process")
@Tag("moves-engine-clock")
class CallFollowUpTest {

    private static final Instant MORNING = SimulatedOffice.FRIDAY_MORNING;
    private static final String PLUMBER = SimulatedOffice.PLUMBER;

    @RegisterExtension
    final SimulatedOffice office = SimulatedOffice.plumbersMorning();
    private final TaskService tasks = office.engine().getTaskService();

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
