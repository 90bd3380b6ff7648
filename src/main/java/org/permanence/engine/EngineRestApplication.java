package org.permanence.engine;

import jakarta.ws.rs.ApplicationPath;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.permanence.system.EngineNode;
import org.springframework.stereotype.Component;

/** Camunda's REST API, as the starter configures it, plus our answer to its tenant refusals ({@link TenantRefusals}). */
@Component
@EngineNode
@ApplicationPath("/engine-rest")
class EngineRestApplication extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(TenantRefusals.class);
    }
}
