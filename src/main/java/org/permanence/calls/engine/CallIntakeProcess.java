package org.permanence.calls.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.permanence.calls.CallIntake;
import org.permanence.calls.IncomingCall;
import org.permanence.clients.PhoneNumbers;
import org.permanence.engine.TenantOfDialledLine;
import org.permanence.system.EngineNode;
import org.springframework.stereotype.Component;

/**
 * Starts {@code call-intake.bpmn} for a call a provider announced. The engine shares Spring's
 * transaction, so the start commits or rolls back with the call's row. No user is signed in on a
 * webhook: the start runs without authorization checks, and the tenant comes from the dialled line
 * ({@link TenantOfDialledLine}).
 */
@Component
@EngineNode
class CallIntakeProcess implements CallIntake {

    static final String PROCESS_KEY = "call-intake";

    private final RuntimeService runtime;

    CallIntakeProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public String start(IncomingCall call) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(TenantOfDialledLine.DIALLED_NUMBER, call.dialledNumber());
        // what the provider wrote for a withheld number (anonymous, Restricted…) or any text that is no number never reaches the case
        variables.put("callerNumber", PhoneNumbers.caller(call.callerNumber()));
        variables.put("provider", call.provider());
        variables.put("providerCallId", call.providerCallId());
        return runtime.startProcessInstanceByKey(PROCESS_KEY, call.businessKey(), variables).getId();
    }
}
