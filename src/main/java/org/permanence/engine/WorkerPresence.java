package org.permanence.engine;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.permanence.people.BasicCredentials;
import org.permanence.system.EngineNode;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Which workers are polling this engine node. Workers long-poll fetchAndLock without pause, so a
 * worker not seen for a few poll periods has gone. Shown by the health endpoint as {@code workers}.
 */
@Component("workers")
@EngineNode
class WorkerPresence extends OncePerRequestFilter implements HealthIndicator {

    /** Three long-poll periods (5 s each, see camunda.bpm.client.async-response-timeout). */
    private static final Duration GONE_AFTER = Duration.ofSeconds(15);

    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
    private final Clock clock;

    WorkerPresence() {
        this(Clock.systemUTC());
    }

    WorkerPresence(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        seen(account(request) + "@" + request.getRemoteAddr());
        chain.doFilter(request, response);
    }

    void seen(String worker) {
        lastSeen.put(worker, clock.instant());
    }

    Map<String, Instant> connected() {
        Instant cutoff = clock.instant().minus(GONE_AFTER);
        lastSeen.values().removeIf(seen -> seen.isBefore(cutoff));
        return new TreeMap<>(lastSeen);
    }

    @Override
    public Health health() {
        Map<String, Instant> workers = connected();
        // no worker is not a failure of this node (workers may be starting), but it is shown
        return Health.up().withDetail("connected", workers.size()).withDetail("lastSeen", workers).build();
    }

    private static String account(HttpServletRequest request) {
        return BasicCredentials.from(request.getHeader(HttpHeaders.AUTHORIZATION)).map(BasicCredentials::userId).orElse("unknown");
    }
}
