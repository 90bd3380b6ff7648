package org.permanence.engine;

import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.permanence.people.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * What a person may put in a case she starts, checked by the engine as it creates the instance, whatever
 * the way in (REST {@code start} or {@code submit-form}, Tasklist, a message, the Java API): only the
 * fields of the process's start form, and only for a client she serves. The tenant itself is decided by
 * {@link TenantOfDialledLine}; this checks that she belongs to it. The office's own starts (webhooks,
 * mailboxes, uploads, timers: no one signed in) and sub-processes are not checked, nor managers' (the
 * engine's administrators may change any variable of any case anyway).
 */
final class StartedByAPerson implements TenantIdProvider {

    private static final Logger log = LoggerFactory.getLogger(StartedByAPerson.class);

    private final TenantIdProvider tenants;
    private final StartForms forms;
    private final MessageSource texts;

    StartedByAPerson(TenantIdProvider tenants, StartForms forms, MessageSource texts) {
        this.tenants = tenants;
        this.forms = forms;
        this.texts = texts;
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
        String tenant = tenants.provideTenantIdForProcessInstance(context);
        if (context.getSuperExecution() != null || context.getSuperCaseExecution() != null) {
            return tenant;
        }
        Authentication person = Context.getCommandContext().getAuthentication();
        if (person == null || person.getUserId() == null
                || person.getGroupIds() != null && person.getGroupIds().contains(Groups.MANAGERS)) {
            return tenant;
        }
        String process = context.getProcessDefinition().getKey();
        Set<String> unasked = new TreeSet<>(context.getVariables().keySet());
        unasked.removeAll(forms.fieldsOf(context.getProcessDefinition().getId()));
        if (!unasked.isEmpty()) {
            log.warn("{} tried to start {} with variables its start form does not ask for: {}", person.getUserId(), process, unasked);
            throw new UnaskedStartVariables(text("start.unaskedVariables", process, String.join(", ", unasked)));
        }
        if (tenant != null && (person.getTenantIds() == null || !person.getTenantIds().contains(tenant))) {
            log.warn("{} tried to start {} for client {}, whom she does not serve", person.getUserId(), process, tenant);
            throw new AuthorizationException(text("start.clientNotServed", person.getUserId(), tenant, process));
        }
        return tenant;
    }

    /** In the language of the request that starts the case (Spring's request filter sets it for the engine's REST API too). */
    private String text(String code, Object... arguments) {
        return texts.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
        return tenants.provideTenantIdForCaseInstance(context);
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
        return tenants.provideTenantIdForHistoricDecisionInstance(context);
    }

    /**
     * A 400 through the engine's REST API: its start endpoints answer any other engine error as a 500,
     * and this is the caller's mistake, not the server's.
     */
    static final class UnaskedStartVariables extends InvalidRequestException {

        UnaskedStartVariables(String message) {
            super(Response.Status.BAD_REQUEST, message);
        }
    }
}
