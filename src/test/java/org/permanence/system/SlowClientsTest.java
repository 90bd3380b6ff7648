package org.permanence.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.permanence.Eventually;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;

/**
 * The slow-body attack: many connections each send the headers of a webhook POST, then its body one
 * byte a second, never finishing. No token is needed to get that far. Half of them go to the engine's
 * REST API with no credentials, answered 401 without the body being read; the trickle goes on after
 * an answer. A connection the node closes is opened again at once, as an attacker would. The node must keep answering its health
 * probe meanwhile.
 */
@OfficeIntegrationTest
class SlowClientsTest {

    private static final int CONNECTIONS = 200;
    private static final int PROBES = 6;
    private static final Duration PROBE_PATIENCE = Duration.ofSeconds(2);

    @Test
    void twoHundredTricklingWebhookBodiesLeaveTheHealthProbeAnswering() throws Exception {
        URI health = URI.create(SharedNode.baseUrl() + "/actuator/health");
        int port = health.getPort();
        List<Socket> attackers = new ArrayList<>();
        List<String> targets = List.of("/webhooks/aircall", "/engine-rest/process-definition/key/call-handling/start");
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        HttpClient probe = HttpClient.newBuilder().connectTimeout(PROBE_PATIENCE).build();
        List<String> slowProbes = new ArrayList<>();
        // on a loaded machine the first probes may be slow anyway: the attack starts once the node answers in time
        Eventually.await("a health probe answered within " + PROBE_PATIENCE.toSeconds() + " s before the attack",
                () -> probe(probe, health, 0) == null);
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                attackers.add(attack(port, targets.get(i % targets.size())));
            }
            trickle.scheduleAtFixedRate(() -> {
                for (int i = 0; i < attackers.size(); i++) {
                    if (!oneMoreByte(attackers.get(i))) {
                        attackers.set(i, attack(port, targets.get(i % targets.size())));
                    }
                }
            }, 1, 1, TimeUnit.SECONDS);
            // the attack has every connection inside the node before the first probe
            Thread.sleep(3000);

            for (int i = 0; i < PROBES; i++) {
                String problem = probe(probe, health, i);
                if (problem != null) {
                    slowProbes.add(problem);
                }
                Thread.sleep(1000);
            }
        } finally {
            trickle.shutdownNow();
            trickle.awaitTermination(10, TimeUnit.SECONDS);
            for (Socket socket : attackers) {
                socket.close();
            }
        }

        assertThat(slowProbes).as("health probes during the attack").isEmpty();
    }

    /** What went wrong with one health probe, null when it answered 200 in time. */
    private static String probe(HttpClient client, URI health, int number) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(health).timeout(PROBE_PATIENCE).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? null : "probe " + number + " answered " + answer.statusCode();
        } catch (IOException e) {
            return "probe " + number + " had no answer after " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Socket attack(int port, String path) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException refused) {
            // the next tick tries again
        }
        return socket;
    }

    /**
     * One more byte of the body, whatever the node answered meanwhile (an attacker does not stop at a
     * 401); false when the node has closed the connection: its defence, after which the attacker comes back.
     */
    private static boolean oneMoreByte(Socket socket) {
        try {
            InputStream answer = socket.getInputStream();
            socket.setSoTimeout(1);
            try {
                byte[] ignored = new byte[4096];
                while (true) {
                    if (answer.read(ignored) < 0) {
                        return false;
                    }
                }
            } catch (SocketTimeoutException nothingMoreToRead) {
                // still open
            }
            OutputStream out = socket.getOutputStream();
            out.write(' ');
            out.flush();
            return true;
        } catch (IOException closedByTheNode) {
            return false;
        }
    }
}
