package org.permanence.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** Who gets a new task: one test per rule of {@link AssignmentPolicy}, and its tie-break. */
@Tag("unit")
class AssignmentPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private static final TaskToAssign CALL = new TaskToAssign("HandleCall", 50, null);
    private static final TaskToAssign CALL_BACK = new TaskToAssign("CallBack", 50, "call-back");

    private final AssignmentPolicy policy = new AssignmentPolicy(new AssignmentProperties(
            Map.of("HandleCall", 3, "CallBack", 2, "ConfirmClientReached", 2, "TakeAppointment", 2), 1, 90, 0, Set.of("ReviewDraft")));

    @Test
    void anAvailableSecretaryGetsTheTaskAndOneOnBreakOrAwayDoesNot() {
        assertThat(choose(CALL, secretary("claire").on(Status.BREAK, 10), secretary("sophie"))).contains("sophie");
        assertThat(choose(CALL, secretary("claire").on(Status.AWAY, 0), secretary("sophie"))).contains("sophie");
        assertThat(choose(new TaskToAssign("HandleCall", 100, "urgent"), secretary("claire").on(Status.BREAK, 10)))
                .as("not even urgent work reaches her on a break").isEmpty();
    }

    @Test
    void aBreakPastItsEndCountsAsAvailable() {
        assertThat(choose(CALL, secretary("claire").on(Status.BREAK, -1))).contains("claire");
        assertThat(choose(CALL, secretary("claire").on(Status.BREAK, 0))).as("ends at this very minute").contains("claire");
    }

    @Test
    void aSecretaryInFocusGetsOnlyUrgentWork() {
        Builder claire = secretary("claire").on(Status.FOCUS, 30);

        assertThat(choose(CALL, claire, secretary("sophie").with("HandleCall", "HandleCall"))).contains("sophie");
        assertThat(choose(CALL, claire)).isEmpty();
        assertThat(choose(new TaskToAssign("ConfirmClientReached", 90, null), claire)).as("priority 90").contains("claire");
        assertThat(choose(new TaskToAssign("CallBack", 50, "urgent"), claire)).as("a call marked urgent").contains("claire");
    }

    @Test
    void thePaperworkAFocusBlockIsForGoesToWhoeverFocusesBeforeAnyoneAvailable() {
        TaskToAssign draft = new TaskToAssign("ReviewDraft", 50, null);
        Builder focused = secretary("sophie").on(Status.FOCUS, 60).with("ReviewDraft", "ReviewDraft");

        assertThat(choose(draft, secretary("claire"), focused)).as("claire stays free for the phone, though she carries less").contains("sophie");
        assertThat(choose(draft, focused.on(Status.FOCUS, -1), secretary("claire"))).as("her focus is over: least effort again").contains("claire");
        assertThat(choose(draft, secretary("claire").on(Status.BREAK, 10), secretary("sophie").on(Status.AWAY, 0))).isEmpty();
        assertThat(choose(CALL_BACK, secretary("claire").with("HandleCall"), focused)).as("other work still does not reach her").contains("claire");
    }

    @Test
    void theTaskGoesToWhoeverCarriesTheLeastEffort() {
        // claire: one call (3); sophie: three tasks of weight 1 each, less effort for more tasks
        Builder claire = secretary("claire").with("HandleCall");
        Builder sophie = secretary("sophie").with("ReviewDraft", "ReviewDraft");

        assertThat(choose(CALL_BACK, claire, sophie)).contains("sophie");
        assertThat(choose(CALL_BACK, claire, sophie.with("ReviewDraft", "ReviewDraft"))).contains("claire");
        assertThat(policy.effort(sophie.with("CallBack", "TakeAppointment").build())).isEqualTo(2 + 2 + 2);
        assertThat(policy.effort(secretary("anne").with("ReviewDraft", null).build())).as("a task made by hand in Tasklist").isEqualTo(2);
    }

    @Test
    void afterTwoDifficultCallsInARowSheGetsNoThirdCallWhileAColleagueCanTakeIt() {
        // both free: without the rule the tie-break (login) would give it to claire
        Builder shaken = secretary("claire").moods("angry", "distressed", "calm");
        Builder free = secretary("sophie");

        assertThat(choose(CALL, shaken, free)).contains("sophie");
        assertThat(choose(CALL_BACK, shaken, free)).as("other work than calls reaches her as usual").contains("claire");
        assertThat(choose(CALL, secretary("claire").moods("angry", "calm", "distressed"), free))
                .as("one difficult call, then a calm one: not in a row").contains("claire");
        assertThat(choose(CALL, secretary("claire").moods("distressed"), free)).as("only one call so far").contains("claire");
    }

    @Test
    void afterTwoDifficultCallsSheStillAnswersWhenEveryColleagueIsBusy() {
        // a colleague on another call cannot take it now: the caller would wait while she sits idle
        Builder shaken = secretary("claire").moods("angry", "angry");

        assertThat(choose(CALL, shaken, secretary("sophie").with("HandleCall"))).contains("claire");
        assertThat(choose(CALL, shaken, secretary("sophie").with("HandleCall"), secretary("anne").on(Status.FOCUS, 30)))
                .as("a colleague in focus cannot take an ordinary call").contains("claire");
    }

    @Test
    void afterTwoDifficultCallsSheStillGetsTheCallWhenNobodyElseFits() {
        Builder shaken = secretary("claire").moods("angry", "angry");

        assertThat(choose(CALL, shaken)).contains("claire");
        assertThat(choose(CALL, shaken, secretary("sophie").on(Status.BREAK, 15))).contains("claire");
    }

    @Test
    void equalEffortGoesToWhoeverWasGivenWorkLongestAgoThenByLogin() {
        Builder recent = secretary("anne").lastAssigned(Duration.ofMinutes(2));
        Builder earlier = secretary("zoe").lastAssigned(Duration.ofMinutes(40));

        assertThat(choose(CALL, recent, earlier)).contains("zoe");
        assertThat(choose(CALL, earlier, secretary("yasmine"))).as("never given work: first").contains("yasmine");
        assertThat(choose(CALL, secretary("sophie"), secretary("claire"))).as("nothing else to tell them apart").contains("claire");
        assertThat(choose(CALL, secretary("claire"), secretary("sophie"))).contains("claire");
    }

    @Test
    void withALimitOnEffortOrdinaryWorkWaitsInTheQueueWhileEveryoneIsBusy() {
        AssignmentPolicy limited = new AssignmentPolicy(new AssignmentProperties(Map.of("HandleCall", 3), 1, 90, 3, Set.of()));
        List<Candidate> busy = List.of(secretary("claire").with("HandleCall").build(), secretary("sophie").with("ReviewDraft", "ReviewDraft", "ReviewDraft").build());

        assertThat(limited.choose(CALL_BACK, busy, NOW)).isEmpty();
        assertThat(limited.choose(CALL_BACK, List.of(busy.get(0), secretary("anne").with("ReviewDraft", "ReviewDraft").build()), NOW))
                .as("2 is below the limit").contains("anne");
    }

    @Test
    void urgentWorkGoesOnlyToSomeoneWithNothingOpenElseWaitsForTheFirstFree() {
        TaskToAssign urgent = new TaskToAssign("ConfirmClientReached", 90, null);
        Builder onACall = secretary("claire").with("HandleCall");
        Builder writing = secretary("sophie").on(Status.FOCUS, 30).with("ReviewDraft");

        assertThat(choose(urgent, onACall, writing)).as("it would wait behind her call or her draft: the team queue").isEmpty();
        assertThat(choose(urgent, onACall, writing, secretary("anne").on(Status.FOCUS, 30))).as("whoever is free now, in focus too").contains("anne");
        assertThat(choose(urgent, onACall, secretary("anne").with("CallBack")))
                .as("nobody free: nobody, however little she carries").isEmpty();
    }

    @Test
    void aCallsFollowUpGoesToWhoeverTookTheCallWhenSheIsAvailable() {
        TaskToAssign confirm = new TaskToAssign("ConfirmClientReached", 90, "urgent", "sophie");
        TaskToAssign callBack = new TaskToAssign("CallBack", 50, "call-back", "sophie");
        Builder sophie = secretary("sophie").with("CallBack");

        assertThat(choose(confirm, secretary("claire"), sophie)).as("she knows the call, though claire carries less").contains("sophie");
        assertThat(choose(callBack, secretary("claire"), sophie)).contains("sophie");
        assertThat(choose(confirm, secretary("claire"), sophie.on(Status.BREAK, 15))).as("on a break: a colleague").contains("claire");
        assertThat(choose(confirm, secretary("claire"), sophie.on(Status.FOCUS, 30)))
                .as("in focus she is not available for it: whoever carries the least").contains("claire");
    }

    @Test
    void nobodyFitsNobodyIsChosenAndTheTaskStaysInTheTeamQueue() {
        assertThat(choose(CALL)).isEmpty();
        assertThat(choose(CALL, secretary("claire").on(Status.AWAY, 0), secretary("sophie").on(Status.FOCUS, 60))).isEmpty();
    }

    private Optional<String> choose(TaskToAssign task, Builder... candidates) {
        return policy.choose(task, Arrays.stream(candidates).map(Builder::build).toList(), NOW);
    }

    private static Builder secretary(String id) {
        return new Builder(id, Status.AVAILABLE, null, List.of(), List.of(), null);
    }

    /** A candidate as the test needs her, everything else ordinary: available, nothing assigned, no calls yet. */
    private record Builder(String id, Status status, Instant until, List<String> assigned, List<String> moods, Instant lastAssigned) {

        /** Status for that many minutes from now (negative: ended that long ago). */
        Builder on(Status status, int minutes) {
            return new Builder(id, status, status.hasEnd() ? NOW.plus(Duration.ofMinutes(minutes)) : null, assigned, moods, lastAssigned);
        }

        Builder with(String... taskTypes) {
            List<String> more = new ArrayList<>(assigned);
            more.addAll(Arrays.asList(taskTypes));
            return new Builder(id, status, until, more, moods, lastAssigned);
        }

        /** Moods of her last calls, newest first. */
        Builder moods(String... newestFirst) {
            return new Builder(id, status, until, assigned, List.of(newestFirst), lastAssigned);
        }

        Builder lastAssigned(Duration ago) {
            return new Builder(id, status, until, assigned, moods, NOW.minus(ago));
        }

        Candidate build() {
            return new Candidate(id, new SecretaryStatus(id, status, until, NOW.minusSeconds(60)), assigned, moods, lastAssigned);
        }
    }
}
