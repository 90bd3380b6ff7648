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

import jakarta.annotation.PostConstruct;
import org.permanence.assignment.AssignmentPolicy;
import org.permanence.people.SignedInUser;
import org.permanence.system.BackgroundThreads;
import org.permanence.system.EngineNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the secretaries whose Tasklist is open of each new *Traiter l'appel* task of a client they serve.
 * The call may have rung on any engine node, so each node reads the engine's task table, the one place
 * every node writes to: one small query every {@code pollEvery} while someone listens on this node, none
 * otherwise. A task is announced once per node, when first seen, to those who were already listening when
 * it was created: a call that rang before she opened Tasklist is in the list it loads.
 */
@Component
@EngineNode
public class NewCallsWatch {

    /** A call whose task was created this long ago and not yet seen is still announced (another node's clock, a slow commit). */
    static final Duration WINDOW = Duration.ofMinutes(2);
    /**
     * A call created this long before she started listening is still announced to her: her Tasklist may have
     * loaded its list a moment before it opened the stream, and the other node's clock may be a little ahead.
     */
    static final Duration LISTENING_GRACE = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(NewCallsWatch.class);

    /** Someone listening: who she is, since when, where her calls go, and how her stream ends when the node stops. */
    public final class Subscription implements AutoCloseable {
        private final SignedInUser user;
        private final Instant since;
        private final Consumer<RingingCall> listener;
        private final Runnable end;

        private Subscription(SignedInUser user, Instant since, Consumer<RingingCall> listener, Runnable end) {
            this.user = user;
            this.since = since;
            this.listener = listener;
            this.end = end;
        }

        private boolean wants(RingingCall call, Instant created) {
            return user.serves(call.clientId()) && !created.isBefore(since.minus(LISTENING_GRACE));
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
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(BackgroundThreads.named("screen-pop"));
    private final long every;
    private boolean failing;

    @Autowired
    NewCallsWatch(JdbcClient jdbc, ScreenPopProperties properties) {
        this(jdbc, properties, Clock.systemUTC());
    }

    NewCallsWatch(JdbcClient jdbc, ScreenPopProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.every = properties.pollEvery().toMillis();
    }

    @PostConstruct
    void start() {
        poller.scheduleWithFixedDelay(this::pollSafely, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * From now on, each new call of a client she serves goes to {@code listener}, until the subscription is
     * closed; {@code end} ends her stream if the node stops first.
     */
    public Subscription listen(SignedInUser user, Consumer<RingingCall> listener, Runnable end) {
        Subscription subscription = new Subscription(user, clock.instant(), listener, end);
        subscriptions.add(subscription);
        return subscription;
    }

    /**
     * The node is stopping: every open stream ends now, and the browsers open their next one (on another node
     * behind the load balancer, or on this one once it is back). A stream left open would hold the web server's
     * graceful shutdown for its whole timeout.
     */
    @EventListener(ContextClosedEvent.class)
    void nodeStopping() {
        poller.shutdownNow();
        for (Subscription subscription : subscriptions) {
            subscription.close();
            try {
                subscription.end.run();
            } catch (RuntimeException alreadyGone) {
                // her browser left first
            }
        }
    }

    private void pollSafely() {
        try {
            poll();
            failing = false;
        } catch (RuntimeException | LinkageError | AssertionError e) {
            // the database away for a moment (or closing with the node), or a listener's bug: the next poll tries
            // again and the listeners stay (an exception leaving this method would end the polling for the node's
            // life); said once per outage, not five times a second
            if (!failing) {
                log.warn("Looking for new calls failed, trying again every {} ms: {}", every, e.toString());
            }
            failing = true;
        }
    }

    void poll() {
        Instant since = clock.instant().minus(WINDOW);
        if (subscriptions.isEmpty()) {
            seen.values().removeIf(created -> created.isBefore(since));
            return;
        }
        List<Map.Entry<RingingCall, Instant>> recent = jdbc.sql("""
                        select t.id_, t.tenant_id_, t.assignee_, t.create_time_, c.name, c.briefing_greeting
                        from act_ru_task t join client c on c.id = t.tenant_id_
                        where t.task_def_key_ = ? and t.create_time_ > ?""")
                .params(AssignmentPolicy.HANDLE_CALL, Timestamp.from(since))
                .query((rs, row) -> Map.entry(new RingingCall(rs.getString("id_"), rs.getString("tenant_id_"), rs.getString("name"),
                        rs.getString("briefing_greeting"), rs.getString("assignee_")), rs.getTimestamp("create_time_").toInstant()))
                .list();
        consider(recent, since);
    }

    /** Announces each call not seen before to those listening since it rang; forgets the calls older than {@code since}. */
    void consider(List<Map.Entry<RingingCall, Instant>> recent, Instant since) {
        for (Map.Entry<RingingCall, Instant> call : recent) {
            if (seen.put(call.getKey().taskId(), call.getValue()) == null) {
                announce(call.getKey(), call.getValue());
            }
        }
        seen.values().removeIf(created -> created.isBefore(since));
    }

    private void announce(RingingCall call, Instant created) {
        for (Subscription subscription : subscriptions) {
            if (subscription.wants(call, created)) {
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
