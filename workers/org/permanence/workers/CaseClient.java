package org.permanence.workers;

import org.camunda.bpm.client.task.ExternalTask;
import org.permanence.clients.OtherClientsReference;

/**
 * The client a case belongs to, for the steps that read or send that client's objects: the tenant the
 * engine filed the case under when it started, which no one can change afterwards (a variable can be:
 * a task may be completed with any variables). A case with no tenant (a mail from an unknown sender, in
 * the managers' queue) belongs to the client a manager named in {@code clientId}.
 */
public final class CaseClient {

    private CaseClient() {
    }

    /** Throws {@link OtherClientsReference} when the case names another client than the one it belongs to. */
    public static String of(ExternalTask task) {
        String named = task.getVariable("clientId");
        String tenant = task.getTenantId();
        if (tenant == null) {
            return named;
        }
        if (named != null && !named.equals(tenant)) {
            throw new OtherClientsReference("case " + task.getProcessInstanceId() + " of client " + tenant + " names client " + named);
        }
        return tenant;
    }
}
