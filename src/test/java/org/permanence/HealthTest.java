package org.permanence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Operators (managers, the metrics group) see each part of the system separately, and Prometheus can scrape metrics. */
@OfficeIntegrationTest
class HealthTest {

    @Test
    void healthShowsDatabaseStorageMailEngineAndWorkersSeparately() throws Exception {
        // the in-process worker opens its first long poll shortly after start-up
        JsonNode health = health();
        for (int wait = 0; wait < 100 && health.at("/components/workers/details/connected").asInt() == 0; wait++) {
            Thread.sleep(100);
            health = health();
        }

        for (String part : new String[] {"db", "objectStorage", "mail", "processEngine", "jobExecutor", "workers"}) {
            assertThat(health.at("/components/" + part + "/status").asText()).as(part + " in " + health).isEqualTo("UP");
        }
        assertThat(health.at("/components/workers/details/connected").asInt()).as(health.toString()).isGreaterThanOrEqualTo(1);
    }

    private static JsonNode health() throws Exception {
        return new ObjectMapper().readTree(TestOffice.call("GET", SharedNode.baseUrl() + "/actuator/health", "nadia", TestOffice.DEMO_PASSWORD, null).body());
    }

    @Test
    void prometheusMetricsAreExposed() {
        String metrics = TestOffice.call("GET", SharedNode.baseUrl() + "/actuator/prometheus", "nadia", TestOffice.DEMO_PASSWORD, null).body();

        assertThat(metrics).as(metrics.substring(0, Math.min(300, metrics.length()))).contains("jvm_memory_used_bytes").contains("hikaricp_connections_active");
    }
}
