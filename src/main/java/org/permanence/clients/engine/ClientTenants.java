package org.permanence.clients.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.permanence.people.Groups;
import org.permanence.system.EngineNode;
import org.springframework.stereotype.Component;

/**
 * Keeps one Camunda tenant per client. Managers and the workers' service accounts belong to every
 * tenant; secretaries are added one by one to the clients they are trained on.
 */
@Component
@EngineNode
public class ClientTenants {

    private final IdentityService identity;

    ClientTenants(IdentityService identity) {
        this.identity = identity;
    }

    public void ensure(String clientId, String clientName) {
        Tenant tenant = identity.createTenantQuery().tenantId(clientId).singleResult();
        if (tenant == null) {
            tenant = identity.newTenant(clientId);
            tenant.setName(clientName);
            identity.saveTenant(tenant);
            identity.createTenantGroupMembership(clientId, Groups.MANAGERS);
            identity.createTenantGroupMembership(clientId, Groups.WORKERS);
        } else if (!clientName.equals(tenant.getName())) {
            tenant.setName(clientName);
            identity.saveTenant(tenant);
        }
    }

    public void addSecretary(String clientId, String userId) {
        if (identity.createTenantQuery().tenantId(clientId).userMember(userId).count() == 0) {
            identity.createTenantUserMembership(clientId, userId);
        }
    }
}
