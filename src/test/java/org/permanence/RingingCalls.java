package org.permanence;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Calls on the shared node as a secretary meets them: ringing on a line, then noted as urgent. Registered as an
 * extension, it rings for the test and ends each case it rang after the test: an open call would wait in a
 * secretary's list, and its timers fire, in later tests.
 */
public final class RingingCalls implements BeforeEachCallback, AfterEachCallback {

    private final List<String> rung = new CopyOnWriteArrayList<>();
    private RuntimeService runtime;
    private TaskService tasks;

    @Override
    public void beforeEach(ExtensionContext context) {
        runtime = SpringExtension.getApplicationContext(context).getBean(RuntimeService.class);
        tasks = SpringExtension.getApplicationContext(context).getBean(TaskService.class);
    }

    /** A call from a new mobile number on this line, once it waits at Handle call; its case ends with the test. */
    public Task ring(String dialled) {
        Task task = callToHandle(runtime, tasks, dialled);
        rung.add(task.getProcessInstanceId());
        return task;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        rung.forEach(call -> runtime.deleteProcessInstance(call, "test over"));
        rung.clear();
    }

    /** A call from a new mobile number on this line, once it waits at Handle call. */
    public static Task callToHandle(RuntimeService runtime, TaskService tasks, String dialled) {
        String caller = String.format("07%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
        String instance = runtime.startProcessInstanceByKey("call-intake", Map.of("dialledNumber", dialled, "callerNumber", caller))
                .getId();
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("HandleCall").singleResult(),
                task -> task != null);
    }

    /** Notes the handled call as urgent (a calm caller) and returns the Confirm client reached task it leads to. */
    public static Task notedUrgent(TaskService tasks, Task handled, String reason) {
        Map<String, Object> noted = new HashMap<>();
        noted.put("callerName", "Mme Roche");
        noted.put("reason", reason);
        noted.put("category", "urgent");
        noted.put("mood", "calm");
        tasks.complete(handled.getId(), noted);
        return await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .processInstanceId(handled.getProcessInstanceId()).taskDefinitionKey("ConfirmClientReached").singleResult(),
                task -> task != null);
    }
}
