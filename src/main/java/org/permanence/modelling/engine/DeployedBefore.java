package org.permanence.modelling.engine;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.repository.ResourceDefinitionEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * What earlier deployments of the deployment's tenant hold, as the guard needs it: the latest form or
 * decision table of a key (for references not bound to their own deployment), and the latest processes'
 * tasks that call a table by binding {@code latest}. Read inside the deployment's command.
 */
final class DeployedBefore {

    private final String tenantId;

    DeployedBefore(String tenantId) {
        this.tenantId = tenantId;
    }

    Optional<byte[]> form(String formKey) {
        return resource(commands().getCamundaFormDefinitionManager().findLatestDefinitionByKeyAndTenantId(formKey, tenantId));
    }

    Optional<Decision> decision(String decisionKey) {
        return resource(commands().getDecisionDefinitionManager().findLatestDefinitionByKeyAndTenantId(decisionKey, tenantId))
                .map(bytes -> Dmn.readModelFromStream(new ByteArrayInputStream(bytes)))
                .map(model -> model.getModelElementById(decisionKey));
    }

    List<BusinessRuleTask> callersByLatest(String decisionKey) {
        RepositoryService repository = Context.getProcessEngineConfiguration().getRepositoryService();
        var latest = repository.createProcessDefinitionQuery().latestVersion();
        List<ProcessDefinition> processes = tenantId == null ? latest.withoutTenantId().list() : latest.tenantIdIn(tenantId).list();
        return processes.stream()
                .flatMap(process -> repository.getBpmnModelInstance(process.getId()).getModelElementsByType(BusinessRuleTask.class).stream())
                .filter(task -> decisionKey.equals(task.getCamundaDecisionRef()))
                .filter(task -> task.getCamundaDecisionRefBinding() == null || "latest".equals(task.getCamundaDecisionRefBinding()))
                .toList();
    }

    private static Optional<byte[]> resource(ResourceDefinitionEntity<?> definition) {
        return Optional.ofNullable(definition)
                .map(found -> commands().getResourceManager().findResourceByDeploymentIdAndResourceName(
                        found.getDeploymentId(), found.getResourceName()))
                .map(resource -> resource.getBytes());
    }

    private static CommandContext commands() {
        return Context.getCommandContext();
    }
}
