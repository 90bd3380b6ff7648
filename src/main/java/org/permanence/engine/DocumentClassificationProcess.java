package org.permanence.engine;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.permanence.documents.ClassificationStart;
import org.permanence.system.EngineNode;
import org.springframework.stereotype.Component;

/**
 * Starts {@code document-classification.bpmn}; the {@code clientId} variable puts the instance
 * under the client's tenant ({@link TenantOfDialledLine}), so only its secretaries see its tasks.
 */
@Component
@EngineNode
class DocumentClassificationProcess implements ClassificationStart {

    static final String PROCESS_KEY = "document-classification";

    private final RuntimeService runtime;

    DocumentClassificationProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public String start(String clientId, String documentId, String originalName, String previewUrl) {
        Map<String, Object> variables = Map.of(TenantOfDialledLine.CLIENT_ID, clientId, "documentId", documentId,
                "originalName", originalName, "previewUrl", previewUrl);
        return runtime.startProcessInstanceByKey(PROCESS_KEY, "document:" + documentId, variables).getId();
    }
}
