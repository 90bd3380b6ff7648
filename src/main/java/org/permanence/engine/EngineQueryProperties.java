package org.permanence.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The most rows one query through the engine's REST API returns ({@link EngineQueryCap}). */
@ConfigurationProperties("permanence.engine")
public record EngineQueryProperties(int maxResults) {
}
