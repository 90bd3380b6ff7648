package org.permanence.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The calls one provider's webhook delivered in a test: what the webhook answered, what it started
 * on the shared node's engine, what it filed. After each test the calls are stopped: a call left on
 * an unknown line would sit in the managers' queue of every later test.
 */
final class DeliveredCalls implements BeforeEachCallback, AfterEachCallback {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String provider;
    private ProcessEngine engine;
    private JdbcClient jdbc;

    DeliveredCalls(String provider) {
        this.provider = provider;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ApplicationContext node = SpringExtension.getApplicationContext(context);
        engine = node.getBean(ProcessEngine.class);
        jdbc = node.getBean(JdbcClient.class);
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        for (ProcessInstance call : engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKeyLike(provider + ":%").list()) {
            // deleting a call while the identify-caller worker completes its task fails on both sides
            awaitHandleCallOf(call.getBusinessKey());
            engine.getRuntimeService().deleteProcessInstance(call.getId(), "test over", true, true);
        }
    }

    /** What the webhook said became of an accepted delivery. */
    static String outcome(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return JSON.readTree(response.body()).get("outcome").asText();
        } catch (Exception e) {
            throw new AssertionError(response.body(), e);
        }
    }

    /** Every process instance ever started for this provider's call, running or not. */
    List<HistoricProcessInstance> processesOf(String callId) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(provider + ":" + callId).list();
    }

    /**
     * The variables the webhook started the process with: their first values in the history, since the
     * in-process identify-caller worker may already have rewritten some (the caller's number in E.164).
     */
    Map<String, Object> startVariables(String processInstanceId) {
        Map<String, Object> first = new HashMap<>();
        engine.getHistoryService().createHistoricDetailQuery().processInstanceId(processInstanceId).variableUpdates().list().stream()
                .map(HistoricVariableUpdate.class::cast)
                .filter(update -> update.getRevision() == 0)
                .forEach(update -> first.put(update.getVariableName(), update.getValue()));
        return first;
    }

    /** A column of the call's one row in the call table. */
    String filed(String callId, String column) {
        List<String> values = jdbc.sql("select " + column + " from call where provider = ? and provider_call_id = ?")
                .params(provider, callId).query(String.class).list();
        assertThat(values).as("rows of call " + provider + ":" + callId).hasSize(1);
        return values.get(0);
    }

    /** The call's Handle call task, once the in-process identify-caller worker has moved it there. */
    Task awaitHandleCall(String callId) throws InterruptedException {
        return awaitHandleCallOf(provider + ":" + callId);
    }

    private Task awaitHandleCallOf(String businessKey) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
                    .taskDefinitionKey("HandleCall").singleResult();
            if (task != null) {
                return task;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Call " + businessKey + " did not reach HandleCall within 30 s");
    }

    List<String> candidateGroupsOf(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId).filter(group -> group != null).toList();
    }

    /** The same delivery sent this many times at the same moment, as a provider retrying too early would. */
    static List<HttpResponse<String>> atOnce(int times, Supplier<HttpResponse<String>> delivery) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(times);
        try {
            CountDownLatch ready = new CountDownLatch(times);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                Callable<HttpResponse<String>> send = () -> {
                    ready.countDown();
                    go.await();
                    return delivery.get();
                };
                sent.add(senders.submit(send));
            }
            ready.await();
            go.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> response : sent) {
                responses.add(response.get());
            }
            return responses;
        } finally {
            senders.shutdownNow();
        }
    }
}
