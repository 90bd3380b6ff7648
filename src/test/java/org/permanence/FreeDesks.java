package org.permanence;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.permanence.people.Groups;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * These secretaries start each test on the shared node with nothing open and nothing waiting for them: a secretary
 * with a call open is busy and gets no more ordinary work ({@code permanence.assignment.max-effort}), and work is
 * served in arrival order, so a call the demo office or another test left in the team queue of their clients would
 * reach them before the test's own. Both are set aside for the test (held by {@link #SET_ASIDE}, who is nobody's
 * colleague) and are as they were after it; the work the test itself leaves in their clients is ended, for the same
 * reason. Calls already ringing when a test starts are let through to a secretary first.
 */
public final class FreeDesks implements BeforeEachCallback, AfterEachCallback {

    /** Holds the work set aside: assigned, it waits for nobody; no secretary, it weighs on nobody's effort. */
    static final String SET_ASIDE = "set-aside-by-a-test";

    private final List<String> secretaries;
    /** Each task set aside, and whose it was (null: it waited in the team queue). */
    private final Map<String, String> setAside = new LinkedHashMap<>();
    private final Set<String> theirClients = new HashSet<>();
    /** The cases open in their clients as the test starts: a task of any other one there after it is the test's. */
    private final Set<String> before = new HashSet<>();

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
        IdentityService identity = SpringExtension.getApplicationContext(context).getBean(IdentityService.class);
        for (String secretary : secretaries) {
            for (Task task : tasks.createTaskQuery().taskAssignee(secretary).list()) {
                setAside.put(task.getId(), secretary);
                tasks.setAssignee(task.getId(), SET_ASIDE);
            }
            identity.createTenantQuery().userMember(secretary).includingGroupsOfUser(true).list().stream()
                    .map(Tenant::getId).forEach(theirClients::add);
        }
        if (!theirClients.isEmpty()) {
            for (Task task : openTasksOfTheirClients(tasks).list()) {
                before.add(task.getProcessInstanceId());
                if (task.getAssignee() == null) {
                    setAside.put(task.getId(), null);
                    tasks.setAssignee(task.getId(), SET_ASIDE);
                }
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TaskService tasks = tasks(context);
        if (!theirClients.isEmpty()) {
            RuntimeService runtime = SpringExtension.getApplicationContext(context).getBean(RuntimeService.class);
            // a call waiting in their queue would reach the next secretary free before any new call, in the next test
            List<String> leftByTheTest = openTasksOfTheirClients(tasks).list().stream().map(Task::getProcessInstanceId)
                    .filter(instance -> instance != null && !before.contains(instance)).distinct()
                    .map(instance -> runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult())
                    .filter(Objects::nonNull).map(ProcessInstance::getRootProcessInstanceId).distinct().toList();
            runtime.deleteProcessInstancesIfExists(leftByTheTest, "test over", false, true, false);
        }
        theirClients.clear();
        before.clear();
        // a task the test ended (its instance deleted) is gone: only those still open go back
        setAside.forEach((task, secretary) -> {
            if (tasks.createTaskQuery().taskId(task).taskAssignee(SET_ASIDE).count() == 1) {
                tasks.setAssignee(task, secretary);
            }
        });
        setAside.clear();
    }

    private TaskQuery openTasksOfTheirClients(TaskService tasks) {
        return tasks.createTaskQuery().tenantIdIn(theirClients.toArray(String[]::new)).taskCandidateGroup(Groups.SECRETARIES)
                .includeAssignedTasks();
    }

    private static TaskService tasks(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context).getBean(TaskService.class);
    }
}
