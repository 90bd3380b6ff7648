package org.permanence.assignment.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.permanence.assignment.AssignmentPolicy;
import org.permanence.assignment.Candidate;
import org.permanence.assignment.SecretaryStatus;
import org.permanence.assignment.SecretaryStatuses;
import org.permanence.assignment.TaskToAssign;
import org.permanence.calls.CallRecords;
import org.permanence.people.Groups;

/**
 * Gives each new task of the secretaries to one of them, as {@link AssignmentPolicy} chooses among
 * those who serve its client. A task with no client (an unknown line), one meant for the managers,
 * or one the model already assigns is left as it is; so is one nobody fits, which stays in the team
 * queue. Anyone may still claim from the queue or hand a task to a colleague.
 */
class AssignNewTask implements TaskListener {

    /** Where the policy reads a call's urgency once the secretary has recorded it (forms/handle-call.form). */
    static final String CALL_CATEGORY = "category";
    private static final int LAST_CALLS = 2;

    private final AssignmentPolicy policy;
    private final SecretaryStatuses statuses;
    private final CallRecords calls;
    private final SecretariesWork work;

    AssignNewTask(AssignmentPolicy policy, SecretaryStatuses statuses, CallRecords calls, SecretariesWork work) {
        this.policy = policy;
        this.statuses = statuses;
        this.calls = calls;
        this.work = work;
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
        Optional<String> chosen = asTheOffice(() -> policy.choose(toAssign, candidates(task), ClockUtil.getCurrentTime().toInstant()));
        chosen.ifPresent(task::setAssignee);
    }

    private static boolean offeredToSecretaries(DelegateTask task) {
        return task.getCandidates().stream().map(IdentityLink::getGroupId).anyMatch(Groups.SECRETARIES::equals);
    }

    private List<Candidate> candidates(DelegateTask task) {
        ProcessEngineServices engine = task.getProcessEngineServices();
        List<String> secretaries = engine.getIdentityService().createUserQuery().memberOfGroup(Groups.SECRETARIES)
                .memberOfTenant(task.getTenantId()).list().stream().map(User::getId).toList();
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
