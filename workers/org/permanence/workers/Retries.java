package org.permanence.workers;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.permanence.clients.OtherClientsReference;
import org.permanence.system.PlainText;
import org.permanence.system.WorkerNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A technical failure (database, SMTP, storage down) is retried with growing pauses; after the last
 * try the engine raises an incident, visible in Cockpit with this message, that resumes when
 * resolved. The external-task API counts retries on the worker's side, hence this class. An error
 * (out of memory, say) counts as a failure too: let through, the task would only wait for its lock
 * to expire and be tried again, forever, with no incident.
 */
@Component
@WorkerNode
public class Retries {

    private static final Logger log = LoggerFactory.getLogger(Retries.class);

    private final RetryPolicy policy;
    private final Executor desks;

    /** Each task done at one of the node's desks ({@link WorkerDesks}). */
    @Autowired
    public Retries(RetryPolicy policy, WorkerDesks desks) {
        this.policy = policy;
        this.desks = desks;
    }

    /** Each task done in the calling thread, before this returns. */
    public Retries(RetryPolicy policy) {
        this.policy = policy;
        this.desks = Runnable::run;
    }

    /**
     * Completes the task with the variables the work answers (its lists for forms as JSON, {@link FormLists}),
     * or reports its failure as {@link #fail} does.
     */
    public void completeOrRetry(ExternalTask task, ExternalTaskService service, Supplier<Map<String, Object>> work) {
        desks.execute(() -> {
            try {
                service.complete(task, FormLists.asJson(work.get()));
            } catch (RuntimeException | Error e) {
                fail(task, service, e);
            }
        });
    }

    /**
     * As {@link #completeOrRetry}, except that a failure of type {@code businessOutcome} is no
     * technical trouble but a way the process foresees: it becomes the BPMN error {@code errorCode},
     * its message in the variable {@code reasonVariable}, and is not retried.
     */
    public void completeOrRaise(ExternalTask task, ExternalTaskService service, Supplier<Map<String, Object>> work,
                                Class<? extends RuntimeException> businessOutcome, String errorCode, String reasonVariable) {
        Map<String, Object> variables;
        try {
            variables = work.get();
        } catch (RuntimeException | Error e) {
            if (businessOutcome.isInstance(e)) {
                service.handleBpmnError(task, errorCode, e.getMessage(), Map.of(reasonVariable, e.getMessage()));
            } else {
                fail(task, service, e);
            }
            return;
        }
        completeOrRetry(task, service, () -> variables);
    }

    public void fail(ExternalTask task, ExternalTaskService service, Throwable error) {
        // a case pointing at another client's object stays refused however often it is tried: an incident now
        int left = error instanceof OtherClientsReference ? 0 : remainingAfter(task.getRetries());
        long pause = pauseBefore(left).toMillis();
        log.warn("{} failed for process instance {} (business key {}), {} retries left: {}", task.getTopicName(),
                task.getProcessInstanceId(), PlainText.forLog(task.getBusinessKey()), left, PlainText.forLog(error));
        service.handleFailure(task, error.getMessage() == null ? error.toString() : error.getMessage(),
                stackTrace(error), left, pause);
    }

    /** Retries left after this failure; the first failure of a task has {@code null} retries. */
    int remainingAfter(Integer retries) {
        return Math.max(0, (retries == null ? policy.attempts() : retries) - 1);
    }

    /** The first pause, then twice as long after each failure (10 s, 20 s, 40 s… by default). */
    Duration pauseBefore(int retriesLeft) {
        int attemptsDone = policy.attempts() - retriesLeft;
        return policy.firstPause().multipliedBy(1L << Math.max(0, attemptsDone - 1));
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
