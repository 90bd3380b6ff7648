package org.permanence.workers;

import org.camunda.bpm.client.backoff.ExponentialErrorBackoffStrategy;
import org.permanence.system.WorkerNode;
import org.springframework.stereotype.Component;

/**
 * When the worker node asks the engine for work again. Long polling makes the engine hold each
 * request until work comes, so after an answer the node asks again at once. When the engine cannot
 * be reached (an engine node still starting or restarting, the load balancer with no node up) the
 * client would also ask again at once: a worker node measured it at 95 failed requests a second, each
 * logged with its stack trace, 40 MB of log in 73 s, taking the cores the starting engine needed.
 * After a failure this pauses 0.5 s, doubling up to 30 s, until an answer comes.
 */
@Component
@WorkerNode
class PauseWhenEngineUnreachable extends ExponentialErrorBackoffStrategy {

    PauseWhenEngineUnreachable() {
        super(500, 2, 30_000);
    }
}
