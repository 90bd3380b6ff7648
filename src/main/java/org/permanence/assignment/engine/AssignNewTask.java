package org.permanence.assignment.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.permanence.assignment.AssignmentPolicy;
import org.permanence.assignment.Candidate;
import org.permanence.assignment.SecretaryStatus;
import org.permanence.assignment.SecretaryStatuses;
import org.permanence.assignment.TaskToAssign;
import org.permanence.calls.CallRecords;
import org.permanence.people.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each new task of the secretaries to one of them, as {@link AssignmentPolicy} chooses among
 * those who serve its client. A task with no client (an unknown line), one meant for the managers,
 * or one the model already assigns is left as it is; so is one nobody fits, which stays in the team
 * queue. Work is served in arrival order: whoever the policy picks gets the oldest waiting work of the same
 * urgency she fits, if any, before the new task, and work waiting reaches those who become free ({@link #handOut}).
 * Anyone may still claim from the queue or hand a task to a colleague.
 */
class AssignNewTask implements TaskListener {

    /** Where the policy reads a call's urgency once the secretary has recorded it (forms/handle-call.form). */
    static final String CALL_CATEGORY = "category";
    private static final int LAST_CALLS = 2;

    private static final Logger log = LoggerFactory.getLogger(AssignNewTask.class);

    private final AssignmentPolicy policy;
    private final SecretaryStatuses statuses;
    private final CallRecords calls;
    private final SecretariesWork work;
    private final WaitingWork waiting;

    AssignNewTask(AssignmentPolicy policy, SecretaryStatuses statuses, CallRecords calls, SecretariesWork work, WaitingWork waiting) {
        this.policy = policy;
        this.statuses = statuses;
        this.calls = calls;
        this.work = work;
        this.waiting = waiting;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getAssignee() != null || task.getTenantId() == null || !offeredToSecretaries(task)) {
            return;
        }
        Object category = task.getVariable(CALL_CATEGORY);
        // a call's follow-up goes to whoever took the call (the policy decides whether she is there for it)
        Object takenBy = task.getVariable(TaskAssignmentPlugin.HANDLED_BY);
        TaskToAssign toAssign = new TaskToAssign(task.getTaskDefinitionKey(), task.getPriority(),
                category instanceof String name ? name : null, takenBy instanceof String id ? id : null);
        ProcessEngineServices engine = task.getProcessEngineServices();
        asTheOffice(() -> {
            Instant now = ClockUtil.getCurrentTime().toInstant();
            List<Candidate> candidates = new ArrayList<>(candidates(engine.getIdentityService(), task.getTenantId()));
            Set<String> givenNow = new HashSet<>();
            // arrival order: whoever the policy picks gets what waited longer first, and the policy picks again for the
            // new task, weighing what she was just given; bounded, as each round hands one waiting task out
            for (int round = 0; round <= candidates.size(); round++) {
                Optional<String> chosen = policy.choose(toAssign, candidates, now);
                if (chosen.isEmpty()) {
                    return null;
                }
                Candidate her = candidates.stream().filter(candidate -> candidate.userId().equals(chosen.get())).findFirst().orElseThrow();
                // the follow-up of her own call waits behind nothing: she has the caller in mind now
                Optional<WaitingWork.Waiting> older = her.userId().equals(toAssign.takenBy()) ? Optional.empty()
                        : olderWorkFor(her, policy.isUrgent(toAssign), now, givenNow);
                if (older.isEmpty()) {
                    task.setAssignee(her.userId());
                    return null;
                }
                engine.getTaskService().setAssignee(older.get().taskId(), her.userId());
                givenNow.add(older.get().taskId());
                // the engine writes the hand-out when the command ends: the next choice weighs it from here
                candidates.set(candidates.indexOf(her), her.given(older.get().task().type(), now));
            }
            return null;
        });
    }

    /**
     * Her status changed or a task of hers is done: the work waiting in the queue of her clients reaches whoever
     * the policy picks for it (she, back at work or free again; a colleague, for what she gave back), urgent first,
     * then oldest first. Runs as an engine command of its own.
     */
    void handOut(CommandExecutor commands, String userId) {
        // one command each: the next choice must weigh the task just given (the engine writes it when its command ends)
        for (WaitingWork.Waiting work : commands.execute(command -> asTheOffice(() -> waiting.of(userId)))) {
            commands.execute(command -> asTheOffice(() -> {
                ProcessEngineConfigurationImpl engine = command.getProcessEngineConfiguration();
                Task task = engine.getTaskService().createTaskQuery().taskId(work.taskId()).singleResult();
                if (task != null && task.getAssignee() == null) {
                    policy.choose(work.task(), candidates(engine.getIdentityService(), work.tenantId()), ClockUtil.getCurrentTime().toInstant())
                            .ifPresent(chosen -> engine.getTaskService().setAssignee(work.taskId(), chosen));
                }
                return null;
            }));
        }
    }

    /** A task done ends a busy spell: once it is saved, what waited for whoever did it may reach her. */
    TaskListener handingOutOnceDone(Supplier<CommandExecutor> commands) {
        return task -> {
            String secretary = task.getAssignee();
            if (secretary != null) {
                Context.getCommandContext().getTransactionContext()
                        .addTransactionListener(TransactionState.COMMITTED, committed -> handOutSafely(commands.get(), secretary));
            }
        };
    }

    /** As {@link #handOut}, after what made her free is saved: a failure leaves the work waiting for the next hand-out or a claim. */
    void handOutSafely(CommandExecutor commands, String userId) {
        try {
            handOut(commands, userId);
        } catch (RuntimeException e) {
            log.warn("Handing waiting work out after {} became free failed: {}", userId, e.toString());
        }
    }

    /** The oldest waiting work of the same urgency she fits, if any: new work never overtakes it. */
    private Optional<WaitingWork.Waiting> olderWorkFor(Candidate her, boolean urgent, Instant now, Set<String> givenNow) {
        return waiting.of(her.userId()).stream()
                .filter(work -> !givenNow.contains(work.taskId()) && policy.isUrgent(work.task()) == urgent && policy.choose(work.task(), List.of(her), now).isPresent())
                .findFirst();
    }

    private static boolean offeredToSecretaries(DelegateTask task) {
        return task.getCandidates().stream().map(IdentityLink::getGroupId).anyMatch(Groups.SECRETARIES::equals);
    }

    private List<Candidate> candidates(IdentityService identity, String tenantId) {
        List<String> secretaries = identity.createUserQuery().memberOfGroup(Groups.SECRETARIES)
                .memberOfTenant(tenantId).list().stream().map(User::getId).toList();
        if (secretaries.isEmpty()) {
            return List.of();
        }
        // her effort counts the work of every client she serves, not only this one's
        Map<String, List<String>> assignedTypes = work.openTaskTypes(secretaries);
        Map<String, SecretaryStatus> now = statuses.of(secretaries);
        return secretaries.stream().map(id -> new Candidate(id, now.get(id), assignedTypes.getOrDefault(id, List.of()),
                calls.lastMoodsHandledBy(id, LAST_CALLS), work.lastAssignedAt(id))).toList();
    }

    /**
     * The task may be created by anyone — a secretary, a manager, the workers' service account, who
     * may not read the other secretaries' tasks or tenants — while the choice must weigh everyone's.
     */
    static <T> T asTheOffice(Supplier<T> choice) {
        CommandContext command = Context.getCommandContext();
        boolean authorizationCheck = command.isAuthorizationCheckEnabled();
        boolean tenantCheck = command.isTenantCheckEnabled();
        command.disableAuthorizationCheck();
        command.disableTenantCheck();
        try {
            return choice.get();
        } finally {
            command.setAuthorizationCheckEnabled(authorizationCheck);
            command.setTenantCheckEnabled(tenantCheck);
        }
    }
}
