package org.permanence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.permanence.TestOffice.DEMO_PASSWORD;
import static org.permanence.TestOffice.call;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * The SMTP relay is down when a client must be told: the notification is retried, then shows as an
 * incident with the reason (as in Cockpit); once the relay is back and a manager resolves the
 * incident, the mail goes out, once. A shorter outage needs nobody: the retries send every message
 * held up once the relay is back, each once.
 */
@Tag("jar")
class MailOutageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLUMBER_LINE = "05 56 98 76 54";
    private static final String PLUMBER_MAILBOX = "contact@plomberie-leroy.example.fr";

    @Test
    void aMessageHeldUpByAnSmtpOutageGoesOutOnceWhenTheIncidentIsResolved() throws Exception {
        int relayPort = TestOffice.freePort();
        Map<String, Object> settings = TestOffice.nodeProperties(TestOffice.newDataDir());
        settings.put("permanence.mail.embedded", false);
        settings.put("spring.mail.port", relayPort);
        // two attempts one second apart, so the incident comes in seconds rather than minutes
        settings.put("permanence.workers.retries.attempts", 2);
        settings.put("permanence.workers.retries.first-pause", "1s");

        GreenMail relay = TestMail.relay(relayPort);
        try (JarNode node = JarNode.start("mail-outage", settings)) {
            String call = startCall(node);
            String handleCall = await().atMost(Duration.ofSeconds(30)).until(() -> taskOf(node, call), task -> task != null);

            relay.stop();
            complete(node, handleCall);

            JsonNode incident = await().atMost(Duration.ofSeconds(60)).until(() -> incidentOf(node, call), found -> found != null);
            assertThat(incident.get("incidentType").asText()).isEqualTo("failedExternalTask");
            assertThat(incident.get("activityId").asText()).isEqualTo("NotifyClientNow");
            assertThat(incident.get("incidentMessage").asText()).contains(PLUMBER_MAILBOX).contains("not sent");

            relay = TestMail.relay(relayPort);
            String externalTask = incident.get("configuration").asText();
            assertThat(call("PUT", node.baseUrl() + "/engine-rest/external-task/" + externalTask + "/retries", "nadia",
                    DEMO_PASSWORD, "{\"retries\": 1}").statusCode()).isEqualTo(204);

            await().atMost(Duration.ofSeconds(30)).until(() -> ended(node, call));
            MimeMessage[] received = relay.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(PLUMBER_MAILBOX);
            assertThat(received[0].getSubject()).isEqualTo("Message de M. Garnier : Devis pour une chaudière");
        } finally {
            relay.stop();
        }
    }

    @Test
    void messagesTakenWhileTheRelayIsDownGoOutOnceWhenItIsBackWithoutAnIncident() throws Exception {
        int relayPort = TestOffice.freePort();
        Map<String, Object> settings = TestOffice.nodeProperties(TestOffice.newDataDir());
        settings.put("permanence.mail.embedded", false);
        settings.put("spring.mail.port", relayPort);
        // retried after 15 s, then 30 s more: the relay is back before the tries run out
        settings.put("permanence.workers.retries.first-pause", "15s");

        GreenMail relay = TestMail.relay(relayPort);
        try (JarNode node = JarNode.start("mail-outage-short", settings)) {
            List<String> calls = new ArrayList<>();
            List<String> tasks = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String call = startCall(node);
                calls.add(call);
                tasks.add(await().atMost(Duration.ofSeconds(30)).until(() -> taskOf(node, call), task -> task != null));
            }

            relay.stop();
            long down = System.nanoTime();
            tasks.forEach(task -> complete(node, task));
            Thread.sleep(Math.max(0, Duration.ofSeconds(25).toMillis() - (System.nanoTime() - down) / 1_000_000));
            relay = TestMail.relay(relayPort);

            for (String call : calls) {
                await().atMost(Duration.ofSeconds(90)).until(() -> ended(node, call));
                assertThat(incidentOf(node, call)).isNull();
            }
            MimeMessage[] received = relay.getReceivedMessages();
            assertThat(received).hasSize(calls.size());
            assertThat(Arrays.stream(received).map(this::messageId).distinct()).hasSize(calls.size());
        } finally {
            relay.stop();
        }
    }

    private String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String startCall(JarNode node) throws Exception {
        String started = call("POST", node.baseUrl() + "/engine-rest/process-definition/key/call-intake/start", "claire",
                DEMO_PASSWORD, "{\"variables\": {\"dialledNumber\": {\"value\": \"" + PLUMBER_LINE
                        + "\"}, \"callerNumber\": {\"value\": \"06 77 88 99 00\"}}}").body();
        return JSON.readTree(started).get("id").asText();
    }

    private static String taskOf(JarNode node, String processInstanceId) throws Exception {
        JsonNode tasks = get(node, "/engine-rest/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey=HandleCall");
        return tasks.isEmpty() ? null : tasks.get(0).get("id").asText();
    }

    private static void complete(JarNode node, String taskId) {
        String variables = """
                {"variables": {"callerName": {"value": "M. Garnier"}, "reason": {"value": "Devis pour une chaudière"},
                 "category": {"value": "message"}, "mood": {"value": "calm"}}}""";
        assertThat(call("POST", node.baseUrl() + "/engine-rest/task/" + taskId + "/complete", "claire", DEMO_PASSWORD, variables)
                .statusCode()).isEqualTo(204);
    }

    private static JsonNode incidentOf(JarNode node, String processInstanceId) throws Exception {
        JsonNode incidents = get(node, "/engine-rest/incident?processInstanceId=" + processInstanceId);
        return incidents.isEmpty() ? null : incidents.get(0);
    }

    private static boolean ended(JarNode node, String processInstanceId) throws Exception {
        return get(node, "/engine-rest/history/process-instance/" + processInstanceId).path("state").asText().equals("COMPLETED");
    }

    private static JsonNode get(JarNode node, String path) throws Exception {
        return JSON.readTree(call("GET", node.baseUrl() + path, "nadia", DEMO_PASSWORD, null).body());
    }
}
