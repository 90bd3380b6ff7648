package org.permanence.workers;

import org.camunda.bpm.client.ExternalTaskClient;
import org.permanence.system.WorkerNode;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * Stops polling as soon as the node shuts down: otherwise the client keeps long-polling an engine
 * whose web server is already gone, logging connection errors and delaying the stop by seconds.
 * The tasks in hand at the desks are finished first, while the engine still answers.
 */
@Component
@WorkerNode
class WorkerShutdown implements ApplicationListener<ContextClosedEvent> {

    private final ExternalTaskClient client;
    private final WorkerDesks desks;

    WorkerShutdown(ExternalTaskClient client, WorkerDesks desks) {
        this.client = client;
        this.desks = desks;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        client.stop();
        try {
            desks.finishInHand();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
