package org.permanence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * These secretaries start each test on the shared node with nothing open: a secretary with a call open is busy
 * and gets no more ordinary work ({@code permanence.assignment.max-effort}), and the demo office's calls and other
 * tests' leave work in their lists. Their open tasks wait in the team queue during the test and are theirs again after it.
 * Calls already ringing when a test starts are let through to a secretary first.
 */
public final class FreeDesks implements BeforeEachCallback, AfterEachCallback {

    private final List<String> secretaries;
    private final Map<String, String> setAside = new LinkedHashMap<>();

    public FreeDesks(String... secretaries) {
        this.secretaries = List.of(secretaries);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // calls already ringing (the demo office's, started as the node came up) reach a secretary once their caller is
        // identified: freeing her desk before that would leave her the call a moment later, busy for the test's own
        ExternalTaskService externalTasks = SpringExtension.getApplicationContext(context).getBean(ExternalTaskService.class);
        Eventually.await("calls already ringing to reach a secretary",
                () -> externalTasks.createExternalTaskQuery().topicName("identify-caller").withRetriesLeft().count() == 0);
        TaskService tasks = tasks(context);
        for (String secretary : secretaries) {
            for (Task task : tasks.createTaskQuery().taskAssignee(secretary).list()) {
                setAside.put(task.getId(), secretary);
                tasks.setAssignee(task.getId(), null);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TaskService tasks = tasks(context);
        // a task the test ended (its instance deleted) is gone: only those still open go back
        setAside.forEach((task, secretary) -> {
            if (tasks.createTaskQuery().taskId(task).count() == 1) {
                tasks.setAssignee(task, secretary);
            }
        });
        setAside.clear();
    }

    private static TaskService tasks(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context).getBean(TaskService.class);
    }
}
