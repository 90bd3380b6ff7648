package org.permanence.workers;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often a failing external task is tried before it becomes an incident, and the first pause
 * (doubled after each failure).
 */
@ConfigurationProperties("permanence.workers.retries")
public record RetryPolicy(int attempts, Duration firstPause) {
}
