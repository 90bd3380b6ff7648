package org.permanence.screenpop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.permanence.MovingClock;
import org.permanence.people.SignedInUser;

/**
 * Which calls reach whom, without the database: what the poller finds is handed to {@code consider} as it
 * would be, on a clock the test sets.
 */
@Tag("unit")
class NewCallsWatchTest {

    private static final Instant NINE = Instant.parse("2026-12-07T09:00:00Z");
    private static final SignedInUser CLAIRE = new SignedInUser("claire", List.of("secretaries"), List.of("dr-martin"));

    private final MovingClock clock = new MovingClock(NINE);
    private final NewCallsWatch watch = new NewCallsWatch(null, new ScreenPopProperties(null, null), clock);
    private final List<String> heard = new CopyOnWriteArrayList<>();

    @Test
    void aCallThatRingsWhileSheListensIsAnnouncedOnce() {
        watch.listen(CLAIRE, call -> heard.add(call.taskId()), () -> { });

        found(call("t1", "dr-martin", NINE.plusSeconds(1)));
        found(call("t1", "dr-martin", NINE.plusSeconds(1)));

        assertThat(heard).containsExactly("t1");
    }

    /** Once, the first look after she started listening only learnt what was there: a call that rang in between was never told. */
    @Test
    void aCallThatRangBeforeTheFirstLookIsStillAnnounced() {
        watch.listen(CLAIRE, call -> heard.add(call.taskId()), () -> { });
        clock.move(Duration.ofMillis(100));

        found(call("rang-before-the-first-look", "dr-martin", clock.instant()));

        assertThat(heard).containsExactly("rang-before-the-first-look");
    }

    @Test
    void aCallOfAClientSheDoesNotServeIsNotHers() {
        watch.listen(CLAIRE, call -> heard.add(call.taskId()), () -> { });

        found(call("t1", "durand-avocats", NINE.plusSeconds(1)));

        assertThat(heard).isEmpty();
    }

    /** Her Tasklist lists the calls already waiting as it loads; only what rang a moment before it listened is told again. */
    @Test
    void aCallWaitingLongBeforeSheListenedIsInHerListNotAnnounced() {
        clock.move(Duration.ofMinutes(1));
        watch.listen(CLAIRE, call -> heard.add(call.taskId()), () -> { });

        found(call("long-waiting", "dr-martin", NINE), call("just-rang", "dr-martin", clock.instant().minusSeconds(2)));

        assertThat(heard).containsExactly("just-rang");
    }

    /** Once, a moment with nobody listening made the node forget what it had seen, and keep quiet about the next call. */
    @Test
    void aCallThatRingsAfterAMomentWithNobodyListeningIsAnnounced() {
        NewCallsWatch.Subscription first = watch.listen(CLAIRE, call -> heard.add("first:" + call.taskId()), () -> { });
        found(call("t1", "dr-martin", NINE.plusSeconds(1)));
        first.close();
        watch.poll();

        clock.move(Duration.ofMinutes(1));
        watch.listen(CLAIRE, call -> heard.add("again:" + call.taskId()), () -> { });
        found(call("t1", "dr-martin", NINE.plusSeconds(1)), call("t2", "dr-martin", clock.instant()));

        assertThat(heard).containsExactly("first:t1", "again:t2");
    }

    @Test
    void aListenerThatFailsIsDroppedAndTheOthersStillHear() {
        watch.listen(CLAIRE, call -> {
            throw new IllegalStateException("her browser went away");
        }, () -> { });
        watch.listen(CLAIRE, call -> heard.add(call.taskId()), () -> { });

        found(call("t1", "dr-martin", NINE.plusSeconds(1)));
        found(call("t2", "dr-martin", NINE.plusSeconds(2)));

        assertThat(heard).containsExactly("t1", "t2");
    }

    @SafeVarargs
    private void found(Map.Entry<RingingCall, Instant>... calls) {
        watch.consider(List.of(calls), clock.instant().minus(NewCallsWatch.WINDOW));
    }

    private static Map.Entry<RingingCall, Instant> call(String task, String client, Instant created) {
        return Map.entry(new RingingCall(task, client, client, "Bonjour", null), created);
    }

    @Test
    void whenTheNodeStopsEveryStreamEndsAndHearsNoMore() {
        List<String> ended = new CopyOnWriteArrayList<>();
        watch.listen(CLAIRE, call -> heard.add(call.taskId()), () -> ended.add("claire"));

        watch.nodeStopping();
        found(call("t1", "dr-martin", NINE.plusSeconds(1)));

        assertThat(ended).containsExactly("claire");
        assertThat(heard).isEmpty();
    }
}
