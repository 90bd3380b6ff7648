package org.permanence.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestClients;
import org.permanence.TestOffice;
import org.permanence.clients.Client;
import org.permanence.clients.Clients;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard's figures for managers only, counted from what the tables hold: a client of its own
 * gets calls this hour, a no-show today and a task finished late; an open task past due counts as late;
 * documents filed this week by the classifier or a secretary; mails waiting for the client's approval.
 */
@OfficeIntegrationTest
class DashboardApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String url = SharedNode.baseUrl() + "/api/dashboard";

    @Autowired
    Clients clients;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;

    @Test
    void aManagerSeesTodaysCallsNoShowsLateWorkAndOpenTasksByDueTime() throws Exception {
        Client client = clients.store(TestClients.client("figures", "fr", Client.MessageDelivery.IMMEDIATELY, null));
        Instant now = Instant.now();
        new OfficeHistory(jdbc)
                .call(client.id(), client.phoneLines().get(0).number(), now)
                .call(client.id(), client.phoneLines().get(0).number(), now)
                .appointment(client.id(), now, "NO_SHOW")
                .finishedTask(client.id(), "CallBack", "claire", now.minusSeconds(600), now.minusSeconds(300), now.minusSeconds(5))
                .flush();
        long lateBefore = dashboard("nadia").get("openTasks").get("late").asLong();
        Task late = tasks.newTask();
        late.setName("Rappeler (test du tableau de bord)");
        late.setDueDate(Date.from(now.minus(Duration.ofHours(1))));
        tasks.saveTask(late);
        try {
            JsonNode figures = dashboard("nadia");

            assertThat(figures.get("openTasks").get("late").asLong()).isEqualTo(lateBefore + 1);
            JsonNode today = figures.get("callsToday");
            assertThat(today.get("hours")).hasSize(hoursToday());
            JsonNode series = seriesOf(today, client.id());
            int thisHour = (int) Duration.between(LocalDate.now(ZoneId.of("Europe/Paris")).atStartOfDay(ZoneId.of("Europe/Paris")).toInstant(),
                    now).toHours();
            assertThat(series.get("clientName").asText()).isEqualTo(client.name());
            assertThat(series.get("counts").get(thisHour).asInt()).isEqualTo(2);
            JsonNode breaches = figures.get("slaBreachesThisWeek");
            assertThat(breaches.findParents("clientId").stream().filter(b -> b.get("clientId").asText().equals(client.id())))
                    .singleElement().satisfies(b -> assertThat(b.get("finishedLate").asLong()).isEqualTo(1));
            String todayInParis = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
            assertThat(figures.get("appointmentsThisWeek").findParents("day").stream()
                    .filter(day -> day.get("day").asText().equals(todayInParis)))
                    .singleElement().satisfies(day -> assertThat(day.get("noShows").asLong()).isPositive());
            assertThat(figures.get("effortToday").findValuesAsText("userId")).contains("claire", "sophie");
        } finally {
            tasks.deleteTask(late.getId(), true);
        }
    }

    @Test
    void aManagerSeesTheShareOfDocumentsFiledAutomaticallyAndTheMailsAwaitingApproval() throws Exception {
        Client client = clients.store(TestClients.client("approvals", "fr", Client.MessageDelivery.IMMEDIATELY, null));
        JsonNode before = dashboard("nadia").get("documentsFiledThisWeek");
        Instant now = Instant.now();
        new OfficeHistory(jdbc)
                .filedDocument(client.id(), now, "model").filedDocument(client.id(), now, "model").filedDocument(client.id(), now, "model")
                .filedDocument(client.id(), now, "claire")
                // filed last week: not this week's
                .filedDocument(client.id(), now.minus(Duration.ofDays(8)), "model")
                .flush();
        List<String> cases = List.of(WaitingMails.awaitingClient(runtime, client.id(), client.name()),
                WaitingMails.awaitingClient(runtime, client.id(), client.name()),
                WaitingMails.withSecretary(runtime, client.id(), client.name()));
        try {
            JsonNode figures = dashboard("nadia");

            JsonNode filed = figures.get("documentsFiledThisWeek");
            assertThat(filed.get("automatically").asLong()).isEqualTo(before.get("automatically").asLong() + 3);
            assertThat(filed.get("bySecretary").asLong()).isEqualTo(before.get("bySecretary").asLong() + 1);
            assertThat(figures.get("mailsAwaitingApproval").findParents("clientId").stream()
                    .filter(mails -> mails.get("clientId").asText().equals(client.id())))
                    .singleElement().satisfies(mails -> {
                        assertThat(mails.get("clientName").asText()).isEqualTo(client.name());
                        assertThat(mails.get("awaitingClient").asLong()).isEqualTo(2);
                        assertThat(mails.get("withSecretary").asLong()).isEqualTo(1);
                    });
        } finally {
            cases.forEach(id -> runtime.deleteProcessInstance(id, "test over", true, true));
        }
    }

    @Test
    void aSecretaryMayNotSeeIt() {
        assertThat(TestOffice.call("GET", url, "claire", DEMO_PASSWORD, null).statusCode()).isEqualTo(403);
        assertThat(TestOffice.call("GET", SharedNode.baseUrl() + "/manage/dashboard", "claire", DEMO_PASSWORD, null).statusCode())
                .isEqualTo(403);
    }

    private JsonNode dashboard(String user) throws Exception {
        HttpResponse<String> response = TestOffice.call("GET", url, user, DEMO_PASSWORD, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode seriesOf(JsonNode hourly, String clientId) {
        return hourly.get("clients").findParents("clientId").stream().filter(s -> s.get("clientId").asText().equals(clientId))
                .findFirst().orElseThrow(() -> new AssertionError("no series for " + clientId + " in " + hourly));
    }

    /** 24, or 23 and 25 on the days the clocks change. */
    private static int hoursToday() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        LocalDate today = LocalDate.now(paris);
        return (int) Duration.between(today.atStartOfDay(paris), today.plusDays(1).atStartOfDay(paris)).toHours();
    }
}
