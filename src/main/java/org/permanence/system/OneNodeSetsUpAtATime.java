package org.permanence.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ConfigurableBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Engine nodes sharing one PostgreSQL database start one after the other. At start-up a node creates
 * or updates the engine's tables, runs the Flyway migrations, deploys the processes and makes the
 * office's groups, service account, demo office and daily-summary instances when they are missing.
 * Two nodes doing that at the same moment on an empty database both try to create the same rows
 * (ENGINE-03017 duplicate key, a second service account, a second daily summary). So each engine
 * node holds a PostgreSQL advisory lock from before its context starts until it is ready: the first
 * one sets everything up, the next ones find it done. The lock lives on a connection of its own,
 * which PostgreSQL closes, releasing the lock, when a node dies half-way (kill -9, out of memory).
 * <p>
 * On the embedded H2 database there is one engine node per database: nothing to wait for. Worker
 * nodes set nothing up in the database and start at once.
 */
public class OneNodeSetsUpAtATime implements SpringApplicationRunListener, Ordered {

    private static final Logger log = LoggerFactory.getLogger(OneNodeSetsUpAtATime.class);
    /** Any constant the application keeps for this one purpose; Flyway's own lock uses another key. */
    static final long START_UP_LOCK = 0x7065726d616e656eL;

    private Connection lockHolder;

    public OneNodeSetsUpAtATime(SpringApplication application, String[] args) {
    }

    @Override
    public void environmentPrepared(ConfigurableBootstrapContext bootstrap, ConfigurableEnvironment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:postgresql:") || environment.acceptsProfiles(Profiles.of("worker"))) {
            return;
        }
        long asked = System.nanoTime();
        try {
            lockHolder = DriverManager.getConnection(url, environment.getProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password"));
            try (Statement statement = lockHolder.createStatement()) {
                log.info("Waiting for any other engine node setting up this database to finish");
                statement.execute("select pg_advisory_lock(" + START_UP_LOCK + ")");
            }
        } catch (SQLException e) {
            release();
            throw new IllegalStateException("Cannot take the start-up turn on " + url + ": " + e.getMessage(), e);
        }
        log.info("This node's turn to set up the database came after {} ms",
                Duration.ofNanos(System.nanoTime() - asked).toMillis());
    }

    /** After the ApplicationReadyEvent listeners (the daily summaries are checked there), so later than the event's own publisher. */
    @Override
    public void ready(ConfigurableApplicationContext context, Duration timeTaken) {
        release();
    }

    @Override
    public void failed(ConfigurableApplicationContext context, Throwable exception) {
        release();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    private void release() {
        if (lockHolder == null) {
            return;
        }
        // closing the session releases its advisory locks
        try {
            lockHolder.close();
        } catch (SQLException e) {
            log.warn("Closing the start-up lock's connection failed; PostgreSQL releases the lock when it notices: {}", e.getMessage());
        }
        lockHolder = null;
    }
}
