package org.permanence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts real Permanence nodes for tests: each with its own free ports and data folder, on the
 * database the build runs against (H2 files by default; PostgreSQL when {@code -Ppostgres}).
 */
public final class TestOffice {

    public static final String DEMO_PASSWORD = "demo-Secret-1";
    public static final String WORKER_PASSWORD = "worker-Secret-1";
    public static final String AIRCALL_TOKEN = "aircall-Token-1";
    public static final String TWILIO_AUTH_TOKEN = "twilio-Token-1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestOffice() {
    }

    /** The settings of one node: ports and folders of its own, everything else as configured. */
    public static Map<String, Object> nodeProperties(Path dataDir) {
        Map<String, Object> properties = new LinkedHashMap<>();
        int port = freePort();
        properties.put("server.port", port);
        // the address the tests' browsers open the office at: the task forms show document previews from there
        properties.put("permanence.documents.public-base-url", "http://127.0.0.1:" + port);
        properties.put("permanence.data-dir", dataDir.toString());
        properties.put("permanence.storage.endpoint", "http://127.0.0.1:" + freePort());
        properties.put("permanence.mail.smtp-port", freePort());
        properties.put("permanence.mail.imap-port", freePort());
        properties.put("permanence.people.demo", true);
        properties.put("permanence.people.demo-password", DEMO_PASSWORD);
        properties.put("permanence.people.worker-password", WORKER_PASSWORD);
        // a topic served by a worker outside the jar, declared by configuration (OutsideTopicsTest)
        properties.put("permanence.outside-workers.topics", "print-envelope");
        properties.put("permanence.telephony.aircall.token", AIRCALL_TOKEN);
        properties.put("permanence.telephony.twilio.auth-token", TWILIO_AUTH_TOKEN);
        return properties;
    }

    public static ConfigurableApplicationContext start(Map<String, Object> properties, String... profiles) {
        List<String> arguments = new ArrayList<>();
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(PermanenceApplication.class).profiles(profiles).run(arguments.toArray(String[]::new));
    }

    public static Path newDataDir() {
        try {
            return Files.createTempDirectory("permanence-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain HTTP call as a user would make it, with HTTP Basic credentials (user null: anonymous). */
    public static HttpResponse<String> call(String method, String url, String user, String password, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Accept", "*/*");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return send(request);
    }

    /** A POST as a machine would send it (a telephony provider's webhook), with these headers as name, value, … */
    public static HttpResponse<String> post(String url, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
