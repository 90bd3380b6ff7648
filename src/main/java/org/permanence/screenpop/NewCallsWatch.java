package org.permanence.screenpop;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import org.permanence.assignment.AssignmentPolicy;
import org.permanence.people.SignedInUser;
import org.permanence.system.BackgroundThreads;
import org.permanence.system.EngineNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the secretaries whose Tasklist is open of each new *Traiter l'appel* task of a client they serve.
 * The call may have rung on any engine node, so each node reads the engine's task table, the one place
 * every node writes to: one small query every {@code pollEvery} while someone listens on this node, none
 * otherwise. A task is announced once per node, when first seen; the tasks already open when the first
 * person starts listening are not announced (her Tasklist lists them as it loads).
 */
@Component
@EngineNode
public class NewCallsWatch {

    /** A call whose task was created this long ago and not yet seen is still announced (another node's clock, a slow commit). */
    static final Duration WINDOW = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(NewCallsWatch.class);

    /** Someone listening: who she is, and where her calls go. */
    public final class Subscription implements AutoCloseable {
        private final SignedInUser user;
        private final Consumer<RingingCall> listener;

        private Subscription(SignedInUser user, Consumer<RingingCall> listener) {
            this.user = user;
            this.listener = listener;
        }

        @Override
        public void close() {
            subscriptions.remove(this);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    /** The calls seen, with when their task was created; only this node's poller thread reads and writes it. */
    private final Map<String, Instant> seen = new HashMap<>();
    private final ScheduledExecutorService poller;
    private final long every;
    private boolean primed;
    private boolean failing;

    NewCallsWatch(JdbcClient jdbc, ScreenPopProperties properties) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
        this.poller = Executors.newSingleThreadScheduledExecutor(BackgroundThreads.named("screen-pop"));
        this.every = properties.pollEvery().toMillis();
        poller.scheduleWithFixedDelay(this::pollSafely, every, every, TimeUnit.MILLISECONDS);
    }

    /** From now on, each new call of a client she serves goes to {@code listener}, until the subscription is closed. */
    public Subscription listen(SignedInUser user, Consumer<RingingCall> listener) {
        Subscription subscription = new Subscription(user, listener);
        subscriptions.add(subscription);
        return subscription;
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
    }

    private void pollSafely() {
        try {
            poll();
            failing = false;
        } catch (RuntimeException e) {
            // the database away for a moment (or closing with the node): the next poll tries again, the listeners stay;
            // said once per outage, not five times a second
            if (!failing) {
                log.warn("Looking for new calls failed, trying again every {} ms: {}", every, e.toString());
            }
            failing = true;
        }
    }

    void poll() {
        if (subscriptions.isEmpty()) {
            primed = false;
            seen.clear();
            return;
        }
        Instant since = clock.instant().minus(WINDOW);
        List<Map.Entry<RingingCall, Instant>> recent = jdbc.sql("""
                        select t.id_, t.tenant_id_, t.assignee_, t.create_time_, c.name, c.briefing_greeting
                        from act_ru_task t join client c on c.id = t.tenant_id_
                        where t.task_def_key_ = ? and t.create_time_ > ?""")
                .params(AssignmentPolicy.HANDLE_CALL, Timestamp.from(since))
                .query((rs, row) -> Map.entry(new RingingCall(rs.getString("id_"), rs.getString("tenant_id_"), rs.getString("name"),
                        rs.getString("briefing_greeting"), rs.getString("assignee_")), rs.getTimestamp("create_time_").toInstant()))
                .list();
        for (Map.Entry<RingingCall, Instant> call : recent) {
            if (seen.put(call.getKey().taskId(), call.getValue()) == null && primed) {
                announce(call.getKey());
            }
        }
        seen.values().removeIf(created -> created.isBefore(since));
        primed = true;
    }

    private void announce(RingingCall call) {
        for (Subscription subscription : subscriptions) {
            if (subscription.user.serves(call.clientId())) {
                try {
                    subscription.listener.accept(call);
                } catch (RuntimeException gone) {
                    // her browser went away: she gets the calls again when it reconnects
                    subscription.close();
                }
            }
        }
    }
}
