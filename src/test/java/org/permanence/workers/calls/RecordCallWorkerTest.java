package org.permanence.workers.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.calls.CallRecords;
import org.permanence.calls.CallStatus;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The in-process worker takes {@code record-call} tasks from the engine and files the call. The test
 * gives it a process of one such task, so it does not depend on where call-intake.bpmn puts it.
 */
@OfficeIntegrationTest
class RecordCallWorkerTest {

    private static final String PLUMBER = "plomberie-leroy";

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    CallRecords records;

    @Test
    void aCallLoggedByHandIsFiledOnceTheWorkerHasRun() throws Exception {
        BpmnModelInstance recordOnly = Bpmn.createExecutableProcess("record-call-only").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("RecordCall").camundaExternalTask("record-call").endEvent().done();
        String deployment = repository.createDeployment().addModelInstance("record-call-only.bpmn", recordOnly).deploy().getId();
        try {
            String caller = String.format("+336%08d", Math.floorMod(System.currentTimeMillis(), 100_000_000L));
            Map<String, Object> handled = new HashMap<>();
            handled.put("clientId", PLUMBER);
            handled.put("dialledNumber", "05 56 98 76 54");
            handled.put("callerNumber", caller);
            handled.put("callerName", "Mme Petit");
            handled.put("reason", "Fuite sous l'évier, l'eau coule encore");
            handled.put("category", "urgent");
            handled.put("mood", "distressed");
            handled.put("notes", null);
            // a secretary of its own, so that no other test's calls count among her last ones
            String secretary = "record-call-" + caller;
            handled.put("handledBy", secretary);

            String processInstanceId = runtime.startProcessInstanceByKey("record-call-only", handled).getId();
            awaitEnd(processInstanceId);

            assertThat(records.lastCallsOf(PLUMBER, caller, 5)).singleElement().satisfies(call -> {
                assertThat(call.processInstanceId()).isEqualTo(processInstanceId);
                assertThat(call.dialledNumber()).isEqualTo("+33556987654");
                assertThat(call.callerName()).isEqualTo("Mme Petit");
                assertThat(call.category()).isEqualTo("urgent");
                assertThat(call.mood()).isEqualTo("distressed");
                assertThat(call.notes()).isNull();
                assertThat(call.status()).isEqualTo(CallStatus.ANSWERED);
            });
            assertThat(records.lastMoodsHandledBy(secretary, 2)).containsExactly("distressed");
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    private void awaitEnd(String processInstanceId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).finished().count() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The record-call worker did not complete its task within 30 s");
            }
            Thread.sleep(100);
        }
    }
}
