package org.permanence.screenpop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.permanence.OfficeIntegrationTest;
import org.permanence.RingingCalls;
import org.permanence.SharedNode;
import org.permanence.security.BrowserSession;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The push behind the screen pop, as the attacker sees it: claire serves the doctor and the plumber, sophie the
 * lawyers and the plumber; each stream carries the calls of her own clients and never a colleague's other client's.
 */
@OfficeIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RingingCallsStreamTest {

    private static final String DOCTOR_LINE = "+33145678910";
    private static final String LAWYERS_LINE = "+33478123456";
    private static final String PLUMBER_LINE = "+33556987654";

    @RegisterExtension
    final RingingCalls ringing = new RingingCalls();

    private final List<EventStream> streams = new CopyOnWriteArrayList<>();

    @AfterEach
    void hangUp() {
        streams.forEach(EventStream::close);
    }

    @Test
    void eachSecretaryHearsTheCallsOfHerClientsAndNoOtherClients() {
        EventStream claire = open("claire");
        EventStream sophie = open("sophie");

        Task doctor = ring(DOCTOR_LINE);
        Task lawyers = ring(LAWYERS_LINE);
        // rung after the others: once both have heard it, every earlier call has been announced or never will be
        Task plumber = ring(PLUMBER_LINE);
        await().atMost(Duration.ofSeconds(20)).until(() -> claire.heard(plumber) && sophie.heard(plumber));

        assertThat(claire.heard(doctor)).as("claire hears her doctor's call").isTrue();
        assertThat(sophie.heard(lawyers)).as("sophie hears her lawyers' call").isTrue();
        assertThat(sophie.heard(doctor)).as("sophie never hears the doctor, whom she does not serve").isFalse();
        assertThat(claire.heard(lawyers)).as("claire never hears the lawyers, whom she does not serve").isFalse();
        assertThat(claire.lines).as("the client's name and greeting come with the call")
                .anyMatch(line -> line.contains(doctor.getId()) && line.contains("Cabinet du Dr Martin") && line.contains("greeting"));
    }

    /**
     * She closes Tasklist: the node learns it at the next call it pushes, and ends her stream. That end is
     * a second pass of the request through the filters, which once found nobody signed in and logged an
     * access refusal for each stream left (and left the stream's end to the container's error handling).
     */
    @Test
    void aStreamSheLeftEndsQuietly(CapturedOutput output) throws Exception {
        // as Tasklist's page listens (signed in by its session cookie), then leaves: the connection itself goes
        String session = BrowserSession.signedIn("claire", DEMO_PASSWORD).cookie("JSESSIONID");
        URI stream = URI.create(SharedNode.baseUrl() + "/api/me/ringing-calls");
        EventStream stays;
        try (Socket left = new Socket(stream.getHost(), stream.getPort())) {
            left.getOutputStream().write(("GET " + stream.getPath() + " HTTP/1.1\r\nHost: " + stream.getAuthority()
                    + "\r\nAccept: text/event-stream\r\nCookie: JSESSIONID=" + session + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader answer = new BufferedReader(new InputStreamReader(left.getInputStream(), StandardCharsets.UTF_8));
            assertThat(answer.lines().filter(line -> line.startsWith("event:")).findFirst()).contains("event:listening");
            // her other Tasklist listens before this one goes: with nobody listening for a moment, the node would
            // forget what it had seen and keep quiet about the next call (it does not announce what rang before)
            stays = open("claire");
        }

        Task doctor = ring(DOCTOR_LINE);
        await().atMost(Duration.ofSeconds(20)).until(() -> stays.heard(doctor));
        Task again = ring(DOCTOR_LINE);
        await().atMost(Duration.ofSeconds(20)).until(() -> stays.heard(again));

        // the stream she left hears of these calls first (it listened first); its end then passes the filters again
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> !output.getAll().contains("AuthorizationDeniedException"));
    }

    @Test
    void onlyAnEventStreamIsAnsweredInHerLanguage() throws Exception {
        HttpResponse<String> asked = HttpClient.newHttpClient().send(request("claire", "application/json")
                .header("Accept-Language", "fr-FR").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asked.statusCode()).isEqualTo(406);
        assertThat(asked.body()).contains("flux d’événements");
    }

    private Task ring(String line) {
        return ringing.ring(line);
    }

    private EventStream open(String user) {
        EventStream stream = new EventStream(user);
        streams.add(stream);
        await().atMost(Duration.ofSeconds(20)).until(() -> stream.lines.contains("event:listening"));
        return stream;
    }

    private static HttpRequest.Builder request(String user, String accept) {
        return HttpRequest.newBuilder(URI.create(SharedNode.baseUrl() + "/api/me/ringing-calls")).header("Accept", accept)
                .header("Authorization", basic(user));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** Her stream, as a browser's EventSource reads it: every line kept. */
    private static final class EventStream {
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final Stream<String> body;

        EventStream(String user) {
            try {
                HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                        .send(request(user, "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
                assertThat(response.statusCode()).as(user + "'s stream").isEqualTo(200);
                body = response.body();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            Thread reader = new Thread(() -> {
                try {
                    body.forEach(lines::add);
                } catch (RuntimeException closed) {
                    // the test hung up
                }
            }, "stream-" + user);
            reader.setDaemon(true);
            reader.start();
        }

        boolean heard(Task task) {
            return lines.contains("id:" + task.getId());
        }

        void close() {
            body.close();
        }
    }
}
