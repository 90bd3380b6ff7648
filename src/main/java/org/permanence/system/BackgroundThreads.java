package org.permanence.system;

import java.util.concurrent.ThreadFactory;

/**
 * Threads for the node's own background work (mailbox polling, model training, document reading):
 * named, so a thread dump says what each does, and daemons, so none of them holds a stopping node up.
 */
public final class BackgroundThreads {

    private BackgroundThreads() {
    }

    public static ThreadFactory named(String name) {
        return work -> {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
