package org.permanence.workers;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.camunda.bpm.client.interceptor.ClientRequestContext;
import org.camunda.bpm.client.interceptor.ClientRequestInterceptor;
import org.permanence.people.ServiceAccount;
import org.permanence.system.WorkerNode;
import org.springframework.stereotype.Component;

/**
 * Signs every request of the external-task client in as the workers' service account. An
 * interceptor rather than {@code camunda.bpm.client.basic-auth}, because a single node's password
 * is generated at start-up and never appears in the configuration.
 */
@Component
@WorkerNode
class WorkerSignIn implements ClientRequestInterceptor {

    private final String header;

    WorkerSignIn(ServiceAccount account) {
        this.header = "Basic " + Base64.getEncoder()
                .encodeToString((account.user() + ":" + account.password()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void intercept(ClientRequestContext request) {
        request.addHeader("Authorization", header);
    }
}
