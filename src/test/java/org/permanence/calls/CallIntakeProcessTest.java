package org.permanence.calls;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTask;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every path of call-intake.bpmn on the real engine; the workers are played by the test. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"processes/call-intake.bpmn", "forms/log-a-call.form", "forms/handle-call.form"})
class CallIntakeProcessTest {

    @Test
    void aCallOnAClientsLineGoesToTheSecretaries() {
        ProcessInstance call = runtimeService().startProcessInstanceByKey("call-intake",
                withVariables("dialledNumber", "01 45 67 89 10", "callerNumber", "06 12 34 56 78"));

        assertThat(call).isWaitingAt("IdentifyCaller").externalTask().hasTopicName("identify-caller");
        complete(externalTask(), withVariables("lineKnown", true, "clientId", "cabinet-martin", "clientName", "Cabinet du Dr Martin"));

        assertThat(call).isWaitingAt("HandleCall");
        assertThat(task()).hasCandidateGroup("secretaries");
        complete(task(), withVariables("callerName", "M. Dupont", "reason", "Renouvellement d'ordonnance",
                "category", "message", "mood", "calm"));

        assertThat(call).hasPassedInOrder("CallReceived", "IdentifyCaller", "HandleCall", "CallHandled").isEnded();
    }

    @Test
    void aCallOnAnUnknownLineGoesToTheManagers() {
        ProcessInstance call = runtimeService().startProcessInstanceByKey("call-intake",
                withVariables("dialledNumber", "09 99 99 99 99", "callerNumber", "06 12 34 56 78"));

        assertThat(call).isWaitingAt("IdentifyCaller");
        complete(externalTask(), withVariables("lineKnown", false));

        assertThat(call).isWaitingAt("HandleCall");
        assertThat(task()).hasCandidateGroup("managers");
    }
}
