package org.permanence;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/**
 * The in-memory engine of the process tests. Its configuration has a name of its own rather than
 * {@code camunda.cfg.xml}: Camunda's REST API looks that name up on the classpath and would build a
 * second engine inside the Spring node of the integration tests.
 */
public final class ProcessTestEngine {

    private ProcessTestEngine() {
    }

    public static ProcessEngineExtension extension() {
        return ProcessEngineExtension.builder().configurationResource("process-tests.camunda.cfg.xml").build();
    }
}
