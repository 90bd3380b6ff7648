package org.permanence.workers;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A technical failure (database, SMTP, storage down) is retried with growing pauses; after the last
 * try the engine raises an incident, visible in Cockpit with this message, that resumes when
 * resolved. The external-task API counts retries on the worker's side, hence this class.
 */
public final class Retries {

    private static final Logger log = LoggerFactory.getLogger(Retries.class);
    static final int ATTEMPTS = 4;
    static final Duration FIRST_PAUSE = Duration.ofSeconds(10);

    private Retries() {
    }

    /** Completes the task with the variables the work answers, or reports its failure as {@link #fail} does. */
    public static void completeOrRetry(ExternalTask task, ExternalTaskService service, Supplier<Map<String, Object>> work) {
        try {
            service.complete(task, work.get());
        } catch (RuntimeException e) {
            fail(task, service, e);
        }
    }

    public static void fail(ExternalTask task, ExternalTaskService service, Exception error) {
        int left = remainingAfter(task.getRetries());
        long pause = pauseBefore(left).toMillis();
        log.warn("{} failed for process instance {} (business key {}), {} retries left: {}", task.getTopicName(),
                task.getProcessInstanceId(), task.getBusinessKey(), left, error.toString());
        service.handleFailure(task, error.getMessage() == null ? error.toString() : error.getMessage(),
                stackTrace(error), left, pause);
    }

    /** Retries left after this failure; the first failure of a task has {@code null} retries. */
    static int remainingAfter(Integer retries) {
        return Math.max(0, (retries == null ? ATTEMPTS : retries) - 1);
    }

    /** 10 s, 20 s, 40 s… between attempts. */
    static Duration pauseBefore(int retriesLeft) {
        int attemptsDone = ATTEMPTS - retriesLeft;
        return FIRST_PAUSE.multipliedBy(1L << Math.max(0, attemptsDone - 1));
    }

    private static String stackTrace(Exception error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
