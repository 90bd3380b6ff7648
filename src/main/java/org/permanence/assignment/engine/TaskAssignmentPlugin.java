package org.permanence.assignment.engine;

import java.util.ArrayList;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.permanence.assignment.AssignmentPolicy;
import org.permanence.assignment.StatusChanged;
import org.permanence.assignment.SecretaryStatuses;
import org.permanence.calls.CallRecords;
import org.permanence.system.EngineNode;
import org.permanence.tasktimes.TaskTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Every user task of every process, as deployed, gets its listeners: on creation its due date and
 * priority from the client's delays ({@link SetTaskTimes}), then a task coming back in its case returns to the
 * secretary who answered it ({@link BackToWhoAnswered}), else the assignment policy picks its secretary ({@link AssignNewTask}); when a call is handled, who handled it is kept in
 * the variable {@code handledBy}, which the record-call worker files with the call (workers cannot see
 * a task's assignee); when an appointment is taken or its slot picked, who did it is kept in
 * {@code bookedBy}, which the client's calendar entry names; once a task is done, and when a secretary's status changes,
 * the work waiting in her clients' queue is handed out. Built-in listeners, so that no process model can forget them.
 */
@Component
@EngineNode
class TaskAssignmentPlugin extends AbstractProcessEnginePlugin {

    static final String HANDLED_BY = "handledBy";
    static final String BOOKED_BY = "bookedBy";
    /** Call-intake's "take the appointment" and the appointment process's "pick a slot": completing either books it. */
    private static final Set<String> BOOKING_TASKS = Set.of("TakeAppointment", "PickSlot");

    private final AssignNewTask assignNewTask;
    private final BackToWhoAnswered backToWhoAnswered = new BackToWhoAnswered();
    private final TaskTimes times;
    private ProcessEngineConfigurationImpl engine;

    TaskAssignmentPlugin(AssignmentPolicy policy, SecretaryStatuses statuses, CallRecords calls, TaskTimes times, JdbcClient jdbc) {
        this.assignNewTask = new AssignNewTask(policy, statuses, calls, new SecretariesWork(jdbc), new WaitingWork(jdbc, policy));
        this.times = times;
    }

    /**
     * Once her status is saved, the work waiting in her clients' queue is handed out: back at work, or in focus (urgent
     * work and paperwork reach her), what waited reaches her; gone on a break or away, what she gave back
     * ({@link WorkBackToTheTeam}) reaches a colleague who is free now rather than waiting for the next call.
     */
    @TransactionalEventListener(fallbackExecution = true)
    public void statusChanged(StatusChanged change) {
        assignNewTask.handOutSafely(engine.getCommandExecutorTxRequiresNew(), change.userId());
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.engine = configuration;
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(listenersOnUserTasks());
    }

    private BpmnParseListener listenersOnUserTasks() {
        TaskListener rememberWhoHandledOrBooked = TaskAssignmentPlugin::rememberWhoHandledOrBooked;
        TaskListener handOutOnceDone = assignNewTask.handingOutOnceDone(() -> engine.getCommandExecutorTxRequiresNew());
        return new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                // times first: the assignment reads the priority
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, new SetTaskTimes(times, task));
                // a task coming back to who answered it is hers before any policy hands it out
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, backToWhoAnswered);
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, assignNewTask);
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, rememberWhoHandledOrBooked);
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, handOutOnceDone);
            }
        };
    }

    static void rememberWhoHandledOrBooked(DelegateTask task) {
        if (AssignmentPolicy.HANDLE_CALL.equals(task.getTaskDefinitionKey()) && task.getAssignee() != null) {
            task.setVariable(HANDLED_BY, task.getAssignee());
        }
        if (BOOKING_TASKS.contains(task.getTaskDefinitionKey()) && task.getAssignee() != null) {
            task.setVariable(BOOKED_BY, task.getAssignee());
        }
    }
}
