package org.permanence.assignment.engine;

import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.permanence.assignment.AssignmentProperties;
import org.permanence.assignment.Status;
import org.permanence.assignment.StatusChanged;
import org.permanence.people.Groups;
import org.permanence.people.engine.AsTheOffice;
import org.permanence.system.EngineNode;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a secretary leaves (away), her open tasks go back to the team queue; when she takes a break,
 * her urgent ones and those due before she is back do; when she starts to focus, the ordinary ones due before her focus
 * ends do (urgent work and the paperwork she focuses on stay: they reach her in focus anyway). Nobody's call waits for someone who is
 * not there: a colleague claims it. Only tasks offered to the secretaries go back; a task only she may do stays hers.
 */
@Component
@EngineNode
public class WorkBackToTheTeam {

    private final TaskService tasks;
    private final IdentityService identity;
    private final AssignmentProperties assignment;

    public WorkBackToTheTeam(TaskService tasks, IdentityService identity, AssignmentProperties assignment) {
        this.tasks = tasks;
        this.identity = identity;
        this.assignment = assignment;
    }

    @EventListener
    public void statusChanged(StatusChanged change) {
        if (change.status() == Status.AVAILABLE) {
            return;
        }
        AsTheOffice.run(identity, () -> {
            for (Task task : tasks.createTaskQuery().taskAssignee(change.userId()).taskCandidateGroup(Groups.SECRETARIES)
                    .includeAssignedTasks().list()) {
                boolean urgent = task.getPriority() >= assignment.urgentPriority();
                boolean dueBeforeSheIsBack = change.until() == null || task.getDueDate() == null || task.getDueDate().before(Date.from(change.until()));
                boolean goesBack = change.status() == Status.FOCUS
                        // urgent work and paperwork reach her in focus anyway
                        ? !urgent && !assignment.isFocusWork(task.getTaskDefinitionKey()) && dueBeforeSheIsBack
                        // urgent work waits for nobody who is not there, due later or not: a colleague takes it now
                        : urgent || dueBeforeSheIsBack;
                if (goesBack) {
                    tasks.setAssignee(task.getId(), null);
                }
            }
            return null;
        });
    }
}
