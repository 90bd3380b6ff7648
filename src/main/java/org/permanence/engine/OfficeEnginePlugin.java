package org.permanence.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.permanence.clients.ClientRepository;
import org.permanence.people.Groups;
import org.permanence.system.EngineNode;
import org.springframework.stereotype.Component;

/**
 * Engine settings that cannot be said in YAML: managers are the engine's administrators, ids may
 * contain dashes (client ids are slugs), and every call is filed under its client's tenant.
 */
@Component
@EngineNode
class OfficeEnginePlugin extends AbstractProcessEnginePlugin {

    private final ClientRepository clients;

    OfficeEnginePlugin(ClientRepository clients) {
        this.clients = clients;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // the engine adds camunda-admin to this list itself, so it must be mutable
        configuration.setAdminGroups(new ArrayList<>(List.of(Groups.MANAGERS)));
        configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9._-]*");
        configuration.setTenantIdProvider(new TenantOfDialledLine(clients));
    }
}
