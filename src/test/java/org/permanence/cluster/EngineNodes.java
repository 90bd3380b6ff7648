package org.permanence.cluster;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The engine nodes as a telephony provider or a browser sees them: a request goes to the next node
 * in turn, and when that node does not answer (killed, restarting) or answers that it is unavailable,
 * the same request is sent again to the next one, as a provider retries an undelivered webhook.
 */
public final class EngineNodes {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final List<String> baseUrls;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger failovers = new AtomicInteger();

    public EngineNodes(List<String> baseUrls) {
        this.baseUrls = List.copyOf(baseUrls);
    }

    /** Sends the request built for a node's base URL, to one node after the other until one answers it. */
    public HttpResponse<String> send(Function<String, HttpResponse<String>> request) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int node = Math.floorMod(next.getAndIncrement(), baseUrls.size());
        while (true) {
            try {
                HttpResponse<String> answer = request.apply(baseUrls.get(node));
                if (answer.statusCode() != 502 && answer.statusCode() != 503) {
                    return answer;
                }
            } catch (UncheckedIOException nodeDown) {
                // refused, reset or timed out: a crashed node; whether it committed or not, the retry finds out
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No engine node answered within " + PATIENCE.toSeconds() + " s: " + baseUrls);
            }
            failovers.incrementAndGet();
            node = (node + 1) % baseUrls.size();
            pause();
        }
    }

    /** How many requests went to another node because the first did not answer. */
    public int failovers() {
        return failovers.get();
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
