package org.permanence.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What nginx does in docker/compose.yaml, in the test's own process: a TCP load balancer on a
 * loopback port, each new connection going round-robin to the next engine node that accepts it. A
 * node that died refuses connections, so the worker nodes' next requests reach the survivors.
 */
public final class LoadBalancer implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Integer> backendPorts;
    private final AtomicInteger next = new AtomicInteger();
    private final ExecutorService pipes = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "load-balancer");
        thread.setDaemon(true);
        return thread;
    });

    public LoadBalancer(List<Integer> backendPorts) throws IOException {
        this.backendPorts = List.copyOf(backendPorts);
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
        pipes.execute(this::accept);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket backend = connectToNextBackend();
                if (backend == null) {
                    client.close();
                    continue;
                }
                pipes.execute(() -> pipe(client, backend));
                pipes.execute(() -> pipe(backend, client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private Socket connectToNextBackend() {
        for (int tried = 0; tried < backendPorts.size(); tried++) {
            int port = backendPorts.get(Math.floorMod(next.getAndIncrement(), backendPorts.size()));
            try {
                return new Socket("127.0.0.1", port);
            } catch (IOException down) {
                // that node is down: the next one
            }
        }
        return null;
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException connectionEnded) {
            // either side went away (a killed node, a client done): close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException alreadyClosed) {
            // nothing left to release
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        pipes.shutdownNow();
    }
}
