package org.permanence.engine;

import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.permanence.clients.ClientRepository;
import org.permanence.clients.PhoneNumbers;

/**
 * Processes are deployed once for all clients; each instance belongs to one client's tenant, so
 * only that client's secretaries see its tasks. The tenant comes from the {@code clientId} variable
 * when the starter knows it, otherwise from the number the caller dialled. Neither: no tenant, and
 * the work goes to the managers' unknown-line queue.
 */
public class TenantOfDialledLine implements TenantIdProvider {

    public static final String CLIENT_ID = "clientId";
    public static final String DIALLED_NUMBER = "dialledNumber";

    private final ClientRepository clients;

    TenantOfDialledLine(ClientRepository clients) {
        this.clients = clients;
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
        if (context.getSuperExecution() != null) {
            return context.getSuperExecution().getTenantId();
        }
        Object clientId = context.getVariables().get(CLIENT_ID);
        if (clientId instanceof String id && clients.exists(id)) {
            return id;
        }
        Object dialled = context.getVariables().get(DIALLED_NUMBER);
        if (dialled instanceof String number) {
            return PhoneNumbers.e164(number).flatMap(clients::clientOfLine).orElse(null);
        }
        return null;
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
        return context.getExecution() != null ? context.getExecution().getTenantId() : null;
    }
}
