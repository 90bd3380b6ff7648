package org.permanence.assignment.engine;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.permanence.tasktimes.TaskTime;
import org.permanence.tasktimes.TaskTimes;

/**
 * Gives a new user task its due date, priority and follow-up date from its client's delays for its
 * type ({@link TaskTimes}), by task id, so a task of any process gets them. What the model itself sets
 * (ConfirmClientReached's due date from the client's urgent delay, the escalation's priority) is kept.
 * Runs before the assignment, which reads the priority.
 */
class SetTaskTimes implements TaskListener {

    private final TaskTimes times;
    private final boolean modelSetsDueDate;
    private final boolean modelSetsPriority;
    private final boolean modelSetsFollowUp;

    SetTaskTimes(TaskTimes times, TaskDefinition model) {
        this.times = times;
        this.modelSetsDueDate = model.getDueDateExpression() != null;
        this.modelSetsPriority = model.getPriorityExpression() != null;
        this.modelSetsFollowUp = model.getFollowUpDateExpression() != null;
    }

    @Override
    public void notify(DelegateTask task) {
        TaskTime time = times.of(task.getTenantId(), task.getTaskDefinitionKey());
        // the engine's clock, which a simulated day moves forward
        Instant created = ClockUtil.getCurrentTime().toInstant();
        if (!modelSetsDueDate) {
            task.setDueDate(Date.from(created.plus(time.dueWithin())));
        }
        if (!modelSetsPriority) {
            task.setPriority(time.priority());
        }
        if (!modelSetsFollowUp && time.followUpAfter() != null) {
            task.setFollowUpDate(Date.from(created.plus(time.followUpAfter())));
        }
    }
}
