package org.permanence.assignment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.permanence.assignment.Status;
import org.permanence.assignment.engine.SimulatedOffice.Noted;

/**
 * Work served in arrival order, on the real engine and processes: calls that rang while the plumber's only
 * secretaries were in focus wait in the team queue; when one of them is back, the oldest reaches her first, and a
 * call ringing after never overtakes one that waited longer, nor waits when a colleague is free for it; a call given
 * back for a break reaches a free colleague at once, and urgent work given back waits for the first free, not behind a call.
 */
@Tag("process")
@Tag("moves-engine-clock")
class ArrivalOrderTest {

    private static final Instant MORNING = SimulatedOffice.FRIDAY_MORNING;
    private static final String PLUMBER = SimulatedOffice.PLUMBER;

    @RegisterExtension
    final SimulatedOffice office = SimulatedOffice.plumbersMorning();
    private final TaskService tasks = office.engine().getTaskService();

    @Test
    void backFromFocusSheGetsTheOldestWaitingCallFirstAndTheNextOnceDone() {
        office.statuses().set("anne", Status.FOCUS, 60);
        office.statuses().set("beatrice", Status.FOCUS, 60);
        Task first = call("0611111111");
        office.at(MORNING.plus(Duration.ofMinutes(1)));
        Task second = call("0622222222");
        office.at(MORNING.plus(Duration.ofMinutes(2)));
        Task third = call("0633333333");
        assertThat(List.of(first, second, third)).as("nobody takes ordinary calls in focus").allMatch(task -> assignee(task) == null);

        office.statuses().set("anne", Status.AVAILABLE, null);
        assertThat(assignee(first)).as("the oldest call first").isEqualTo("anne");
        assertThat(assignee(second)).as("with a call open she is busy: the next waits").isNull();

        office.complete(tasks.createTaskQuery().taskId(first.getId()).singleResult(), "anne", new Noted("message", "calm"));
        assertThat(assignee(second)).as("her call done, the next oldest reaches her").isEqualTo("anne");
        assertThat(assignee(third)).isNull();
    }

    @Test
    void aNewCallNeverOvertakesOneThatWaitedLonger() {
        office.statuses().set("anne", Status.FOCUS, 10);
        office.statuses().set("beatrice", Status.AWAY, null);
        Task waiting = call("0644444444");
        assertThat(assignee(waiting)).isNull();

        // her focus ends by itself: no status change tells the office, the next call does
        office.at(MORNING.plus(Duration.ofMinutes(11)));
        Task newest = call("0655555555");
        assertThat(assignee(waiting)).as("the call that waited goes to her").isEqualTo("anne");
        assertThat(assignee(newest)).as("the newest waits its turn").isNull();
    }

    @Test
    void whenTheOneBackGetsTheCallThatWaitedTheNewOneGoesToHerFreeColleague() {
        office.statuses().set("anne", Status.FOCUS, 10);
        office.statuses().set("beatrice", Status.FOCUS, 10);
        Task waiting = call("0666666666");
        assertThat(assignee(waiting)).isNull();

        // both focus blocks end by themselves: the next call finds both free, and one call waiting
        office.at(MORNING.plus(Duration.ofMinutes(11)));
        Task newest = call("0677777777");
        assertThat(assignee(waiting)).as("the call that waited is served first").isIn("anne", "beatrice");
        assertThat(assignee(newest)).as("the newest goes to whoever is still free, not to the queue")
                .isIn("anne", "beatrice").isNotEqualTo(assignee(waiting));
    }

    @Test
    void theCallSheGivesBackForHerBreakReachesHerFreeColleagueAtOnce() {
        office.statuses().set("beatrice", Status.FOCUS, 60);
        Task call = call("0688888888");
        assertThat(assignee(call)).isEqualTo("anne");
        office.statuses().set("beatrice", Status.AVAILABLE, null);

        office.statuses().set("anne", Status.BREAK, 15);
        assertThat(assignee(call)).as("the caller does not wait for the next call to ring").isEqualTo("beatrice");
    }

    @Test
    void theUrgentFollowUpGivenBackForHerBreakWaitsForTheFirstFreeNotBehindAColleaguesCall() {
        Task anneCall = call("0611112222");
        Task beatriceCall = call("0622223333");
        assertThat(assignee(beatriceCall)).as("anne has a call open").isEqualTo("beatrice");
        office.complete(anneCall, "anne", new Noted("urgent", "distressed"));
        Task confirm = tasks.createTaskQuery().processInstanceId(anneCall.getProcessInstanceId()).taskDefinitionKey("ConfirmClientReached")
                .singleResult();
        assertThat(confirm.getAssignee()).as("the follow-up of her own call").isEqualTo("anne");

        office.statuses().set("anne", Status.BREAK, 5);
        assertThat(assignee(confirm)).as("beatrice is on a call: the team queue, not behind it").isNull();

        office.complete(tasks.createTaskQuery().taskId(beatriceCall.getId()).singleResult(), "beatrice", new Noted("message", "calm"));
        assertThat(assignee(confirm)).as("her call done, it reaches her first").isEqualTo("beatrice");
    }

    private Task call(String caller) {
        String instance = office.ring(PLUMBER, caller);
        return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("HandleCall").singleResult();
    }

    private String assignee(Task task) {
        return tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
    }
}
