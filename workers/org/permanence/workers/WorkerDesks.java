package org.permanence.workers;

import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.permanence.system.WorkerNode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The external tasks one worker node works on at the same moment. The external-task client runs
 * every handler in its one polling thread, one task after the other: a node then does a few dozen
 * tasks a second whatever its cores, each waiting on the database, the mail relay and the engine's
 * answer in turn. Here the polling thread hands each task to a free desk; when every desk is busy
 * it does the task itself, so it fetches no more than the node can do (the tasks it holds stay
 * locked for the engine meanwhile).
 */
@Component
@WorkerNode
public class WorkerDesks implements Executor {

    private final ThreadPoolExecutor desks;

    WorkerDesks(Capacity capacity) {
        AtomicInteger number = new AtomicInteger();
        this.desks = new ThreadPoolExecutor(capacity.desks(), capacity.desks(), 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                work -> new Thread(work, "worker-desk-" + number.incrementAndGet()), new ThreadPoolExecutor.CallerRunsPolicy());
    }

    @Override
    public void execute(Runnable task) {
        desks.execute(task);
    }

    /** Lets the tasks in hand finish (each completes or reports its failure to the engine), taking no new one. */
    void finishInHand() throws InterruptedException {
        desks.shutdown();
        desks.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** {@code permanence.workers.desks}: how many tasks besides the polling thread's own. */
    @ConfigurationProperties("permanence.workers")
    record Capacity(int desks) {
    }
}
