package org.permanence.documents.engine;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.permanence.documents.ClassificationStart;
import org.permanence.engine.TenantOfDialledLine;
import org.permanence.people.engine.AsTheOffice;
import org.permanence.system.EngineNode;
import org.springframework.stereotype.Component;

/**
 * Starts {@code document-classification.bpmn}; the {@code clientId} variable puts the instance
 * under the client's tenant ({@link TenantOfDialledLine}), so only its secretaries see its tasks. The
 * office starts it, even for a document a secretary uploads: she cannot start a classification herself.
 */
@Component
@EngineNode
class DocumentClassificationProcess implements ClassificationStart {

    static final String PROCESS_KEY = "document-classification";

    private final RuntimeService runtime;
    private final IdentityService identity;

    DocumentClassificationProcess(RuntimeService runtime, IdentityService identity) {
        this.runtime = runtime;
        this.identity = identity;
    }

    @Override
    public String start(String clientId, String documentId, String originalName, String previewUrl) {
        Map<String, Object> variables = Map.of(TenantOfDialledLine.CLIENT_ID, clientId, "documentId", documentId,
                "originalName", originalName, "previewUrl", previewUrl);
        return AsTheOffice.run(identity, () -> runtime.startProcessInstanceByKey(PROCESS_KEY, "document:" + documentId, variables).getId());
    }
}
