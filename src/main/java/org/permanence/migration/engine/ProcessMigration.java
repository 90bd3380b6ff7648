package org.permanence.migration.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.permanence.migration.MigrationOutcome;
import org.permanence.migration.MigrationPreview.StuckInstance;
import org.permanence.migration.MigrationPreview.VersionPreview;
import org.permanence.migration.MigrationPreview;
import org.permanence.system.EngineNode;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Moves the running instances of a process to its newest version where Camunda's migration plan
 * allows it: each older version is mapped to the newest by equal activity ids
 * ({@code mapEqualActivities}). An instance cannot move when the plan is refused, or when it waits at
 * a step the newest version no longer has; those are named, never moved by force.
 */
@Service
@EngineNode
public class ProcessMigration {

    private final RepositoryService repository;
    private final RuntimeService runtime;

    ProcessMigration(RepositoryService repository, RuntimeService runtime) {
        this.repository = repository;
        this.runtime = runtime;
    }

    public MigrationPreview preview(String processKey) {
        ProcessDefinition newest = newest(processKey);
        List<VersionPreview> versions = new ArrayList<>();
        for (ProcessDefinition older : olderWithInstances(newest)) {
            long running = runtime.createProcessInstanceQuery().processDefinitionId(older.getId()).count();
            Plan plan = plan(older, newest);
            List<StuckInstance> stuck = plan.problems().isEmpty() ? stuckAtUnmappedSteps(older, newest, plan.plan()) : List.of();
            long canMove = plan.problems().isEmpty() ? running - stuck.size() : 0;
            versions.add(new VersionPreview(older.getVersion(), older.getId(), running, canMove, plan.problems(), stuck));
        }
        return new MigrationPreview(processKey, newest.getName(), newest.getVersion(), newest.getId(), versions);
    }

    /**
     * Moves every instance that can move. At once: one transaction per instance, so one refusal leaves the
     * others moved and is reported with the engine's reasons. As a batch: the engine's batch jobs move them
     * in the background (for many thousands), and a failure becomes an incident.
     */
    public MigrationOutcome migrate(String processKey, boolean asBatch) {
        ProcessDefinition newest = newest(processKey);
        List<String> moved = new ArrayList<>();
        List<StuckInstance> notMoved = new ArrayList<>();
        List<String> batchIds = new ArrayList<>();
        int inBatch = 0;
        for (ProcessDefinition older : olderWithInstances(newest)) {
            Plan plan = plan(older, newest);
            if (!plan.problems().isEmpty()) {
                runtime.createProcessInstanceQuery().processDefinitionId(older.getId()).list()
                        .forEach(instance -> notMoved.add(stuck(instance, plan.problems())));
                continue;
            }
            List<StuckInstance> stuck = stuckAtUnmappedSteps(older, newest, plan.plan());
            notMoved.addAll(stuck);
            List<String> movable = runtime.createProcessInstanceQuery().processDefinitionId(older.getId()).list().stream()
                    .map(ProcessInstance::getId)
                    .filter(id -> stuck.stream().noneMatch(s -> s.processInstanceId().equals(id)))
                    .toList();
            if (movable.isEmpty()) {
                continue;
            }
            if (asBatch) {
                Batch batch = runtime.newMigration(plan.plan()).processInstanceIds(movable).executeAsync();
                batchIds.add(batch.getId());
                inBatch += movable.size();
            } else {
                movable.forEach(id -> moveOne(plan.plan(), id, moved, notMoved));
            }
        }
        return new MigrationOutcome(newest.getVersion(), moved, notMoved, batchIds.isEmpty() ? null : String.join(",", batchIds), inBatch);
    }

    private void moveOne(MigrationPlan plan, String processInstanceId, List<String> moved, List<StuckInstance> notMoved) {
        try {
            runtime.newMigration(plan).processInstanceIds(processInstanceId).execute();
            moved.add(processInstanceId);
        } catch (MigratingProcessInstanceValidationException refused) {
            notMoved.add(new StuckInstance(processInstanceId, null, null, reasons(refused.getValidationReport())));
        } catch (ProcessEngineException failed) {
            // finished or changed meanwhile: reported, the others go on
            notMoved.add(new StuckInstance(processInstanceId, null, null, List.of(failed.getMessage())));
        }
    }

    /** Whether a process of this key is deployed (for every client). */
    public boolean exists(String processKey) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).withoutTenantId().count() > 0;
    }

    /** The processes deployed, by name: key and name of each newest version. */
    public List<ProcessDefinition> processes() {
        return repository.createProcessDefinitionQuery().withoutTenantId().latestVersion().list().stream()
                .sorted(java.util.Comparator.comparing(definition -> definition.getName() == null ? definition.getKey() : definition.getName()))
                .toList();
    }

    private ProcessDefinition newest(String processKey) {
        return Optional.ofNullable(repository.createProcessDefinitionQuery().processDefinitionKey(processKey).withoutTenantId()
                        .latestVersion().singleResult())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No process '" + processKey + "'"));
    }

    private List<ProcessDefinition> olderWithInstances(ProcessDefinition newest) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(newest.getKey()).withoutTenantId()
                .orderByProcessDefinitionVersion().asc().list().stream()
                .filter(definition -> definition.getVersion() < newest.getVersion())
                .filter(definition -> runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count() > 0)
                .toList();
    }

    private record Plan(MigrationPlan plan, List<String> problems) {
    }

    private Plan plan(ProcessDefinition older, ProcessDefinition newest) {
        try {
            return new Plan(runtime.createMigrationPlan(older.getId(), newest.getId()).mapEqualActivities().build(), List.of());
        } catch (MigrationPlanValidationException refused) {
            List<String> problems = refused.getValidationReport().getInstructionReports().stream()
                    .flatMap(report -> report.getFailures().stream().map(failure -> describe(report.getMigrationInstruction()) + ": " + failure))
                    .toList();
            return new Plan(null, problems.isEmpty() ? List.of(refused.getMessage()) : problems);
        }
    }

    /** Instances waiting at a step the plan does not map: the newest version has no step of that id. */
    private List<StuckInstance> stuckAtUnmappedSteps(ProcessDefinition older, ProcessDefinition newest, MigrationPlan plan) {
        List<String> mapped = plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId).toList();
        BpmnModelInstance model = repository.getBpmnModelInstance(older.getId());
        Map<String, StuckInstance> stuck = new LinkedHashMap<>();
        for (FlowNode step : model.getModelElementsByType(FlowNode.class)) {
            if (mapped.contains(step.getId())) {
                continue;
            }
            String reason = "waits at " + label(step) + ", which version " + newest.getVersion() + " has no longer (or not of the same kind)";
            for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionId(older.getId())
                    .activityIdIn(step.getId()).list()) {
                stuck.merge(instance.getId(), stuck(instance, List.of(reason)), (a, b) -> new StuckInstance(a.processInstanceId(),
                        a.businessKey(), a.clientId(), concat(a.reasons(), b.reasons())));
            }
        }
        return List.copyOf(stuck.values());
    }

    private static StuckInstance stuck(ProcessInstance instance, List<String> reasons) {
        return new StuckInstance(instance.getId(), instance.getBusinessKey(), instance.getTenantId(), reasons);
    }

    private static List<String> reasons(MigratingProcessInstanceValidationReport report) {
        List<String> reasons = new ArrayList<>(report.getFailures());
        report.getActivityInstanceReports().forEach(activity -> activity.getFailures()
                .forEach(failure -> reasons.add(activity.getSourceScopeId() + ": " + failure)));
        report.getTransitionInstanceReports().forEach(transition -> transition.getFailures()
                .forEach(failure -> reasons.add(transition.getSourceScopeId() + ": " + failure)));
        return reasons;
    }

    private static String describe(MigrationInstruction instruction) {
        return instruction.getSourceActivityId() + " → " + instruction.getTargetActivityId();
    }

    private static String label(FlowNode step) {
        return step.getName() == null ? step.getId() : "\"" + step.getName() + "\" (" + step.getId() + ")";
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }
}
