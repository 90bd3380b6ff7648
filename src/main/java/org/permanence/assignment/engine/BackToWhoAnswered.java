package org.permanence.assignment.engine;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricTaskInstance;

/**
 * A task that comes back in the same case — her answer was refused further on (a category the client
 * does not have, a slot just taken or forbidden, a mail that cannot be drafted) — goes back to the
 * secretary who answered it, not to the queue: she knows the case and is waiting for it. Without this
 * the new task was handed out like any new work, and often landed with a colleague or in the queue.
 */
class BackToWhoAnswered implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (task.getAssignee() != null || task.getProcessInstanceId() == null) {
            return;
        }
        lastAnsweredBy(task).ifPresent(task::setAssignee);
    }

    private static Optional<String> lastAnsweredBy(DelegateTask task) {
        return AssignNewTask.asTheOffice(() -> task.getProcessEngineServices().getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).taskDefinitionKey(task.getTaskDefinitionKey()).finished()
                .taskAssigned().orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1).stream()
                .map(HistoricTaskInstance::getAssignee).findFirst());
    }
}
