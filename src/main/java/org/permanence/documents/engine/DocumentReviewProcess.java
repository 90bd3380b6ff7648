package org.permanence.documents.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.spin.plugin.variable.SpinValues;
import org.permanence.documents.ReviewStart;
import org.permanence.engine.TenantOfDialledLine;
import org.permanence.people.engine.AsTheOffice;
import org.permanence.system.EngineNode;
import org.permanence.system.FormOption;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Starts {@code document-review.bpmn} under the client's tenant ({@link TenantOfDialledLine}), as the
 * office: the one who asks need not be allowed to start processes. Business key
 * {@code document-review:<id>}; a second ask while one is open answers the open one.
 */
@Component
@EngineNode
class DocumentReviewProcess implements ReviewStart {

    static final String PROCESS_KEY = "document-review";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RuntimeService runtime;
    private final IdentityService identity;

    DocumentReviewProcess(RuntimeService runtime, IdentityService identity) {
        this.runtime = runtime;
        this.identity = identity;
    }

    @Override
    public Review start(String clientId, String documentId, Map<String, Object> variables) {
        String businessKey = "document-review:" + documentId;
        Map<String, Object> sent = new HashMap<>(variables);
        sent.put(TenantOfDialledLine.CLIENT_ID, clientId);
        // Tasklist hands a form a list (valuesKey) only from a Json variable
        sent.replaceAll((name, value) -> value instanceof List<?> list && list.stream().allMatch(FormOption.class::isInstance)
                ? SpinValues.jsonValue(write(list)).create() : value);
        // the open review is looked for as the office too: the asker's own rights may not show it
        return AsTheOffice.run(identity, () -> runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(businessKey).list().stream().findFirst()
                .map(open -> new Review(open.getId(), true))
                .orElseGet(() -> new Review(runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey, sent).getId(), false)));
    }

    private static String write(List<?> options) {
        try {
            return JSON.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form options cannot be written as JSON", e);
        }
    }
}
