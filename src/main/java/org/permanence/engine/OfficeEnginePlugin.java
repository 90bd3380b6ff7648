package org.permanence.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.permanence.clients.ClientRepository;
import org.permanence.modelling.OutsideTopics;
import org.permanence.modelling.WorkerTopics;
import org.permanence.modelling.engine.DeployersLanguage;
import org.permanence.modelling.engine.DeploymentGuard;
import org.permanence.people.Groups;
import org.permanence.system.EngineNode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Engine settings that cannot be said in YAML: managers are the engine's administrators, ids may
 * contain dashes (client ids are slugs), every call is filed under its client's tenant (a person may
 * start a case only for a client she serves, with only its start form's fields: {@link StartedByAPerson}),
 * and every new deployment passes the {@link DeploymentGuard} first.
 */
@Component
@EngineNode
class OfficeEnginePlugin extends AbstractProcessEnginePlugin {

    private final ClientRepository clients;
    private final MessageSource texts;
    private final WorkerTopics workerTopics;
    private final OutsideTopics outsideTopics;

    OfficeEnginePlugin(ClientRepository clients, MessageSource texts, WorkerTopics workerTopics, OutsideTopics outsideTopics) {
        this.clients = clients;
        this.texts = texts;
        this.workerTopics = workerTopics;
        this.outsideTopics = outsideTopics;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // the engine adds camunda-admin to this list itself, so it must be mutable
        configuration.setAdminGroups(new ArrayList<>(List.of(Groups.MANAGERS)));
        configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9._-]*");
        configuration.setTenantIdProvider(new StartedByAPerson(new TenantOfDialledLine(clients), new StartForms(), texts));
        List<Deployer> preDeployers = new ArrayList<>(Optional.ofNullable(configuration.getCustomPreDeployers()).orElse(List.of()));
        preDeployers.add(new DeploymentGuard(workerTopics, outsideTopics::topics, texts, new DeployersLanguage()));
        configuration.setCustomPreDeployers(preDeployers);
    }
}
