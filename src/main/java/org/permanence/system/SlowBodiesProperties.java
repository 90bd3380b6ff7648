package org.permanence.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How long a client may take to send a request body. {@code readersAtOnce} request threads at most
 * wait on bodies at one time (the rest of Tomcat's {@code server.tomcat.threads.max} stay free for
 * everything else, a health probe included); after {@code grace}, a body must keep arriving at
 * {@code minRate} per second on average.
 */
@ConfigurationProperties("permanence.slow-bodies")
public record SlowBodiesProperties(int readersAtOnce, Duration grace, DataSize minRate) {
}
