package org.permanence.dashboard;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.permanence.TestClients;
import org.permanence.TestOffice;
import org.permanence.clients.Client;
import org.permanence.clients.Clients;
import org.permanence.dashboard.engine.OfficeFigures;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: a benchmark. Fills a node's database with a year of an office — {@code bench.clients}
 * clients (50), each with about 35 calls a weekday and 5 a weekend day, a finished task per call and a
 * call-back for one call in five (one in ten finished late), 8 appointments a weekday (one in ten a
 * no-show), 6 documents filed a weekday (two in three by the classifier) — plus 300 open tasks and
 * 120 mails waiting for their client's approval (one in six with a secretary), then prints how long the
 * dashboard takes to gather its figures, in the service and through {@code GET /api/dashboard}.
 * Target: under 1 s. Run with the README's command.
 */
class DashboardBenchmark {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final int clientCount = Integer.getInteger("bench.clients", 50);
    private final int days = Integer.getInteger("bench.days", 365);
    private final int runs = Integer.getInteger("bench.runs", 20);

    @Test
    void dashboardOverAYearOfFiftyClients() {
        Map<String, Object> settings = TestOffice.nodeProperties(TestOffice.newDataDir());
        try (ConfigurableApplicationContext node = TestOffice.start(settings)) {
            long seeding = System.nanoTime();
            long[] rows = seed(node);
            System.out.printf(Locale.ROOT, "seeded clients=%d days=%d calls=%d finished_tasks=%d appointments=%d filed_documents=%d"
                            + " mails_awaiting_approval=%d in %d s%n",
                    clientCount, days, rows[0], rows[1], rows[2], rows[3], rows[4], (System.nanoTime() - seeding) / 1_000_000_000);
            OfficeFigures figures = node.getBean(OfficeFigures.class);
            String url = "http://127.0.0.1:" + settings.get("server.port") + "/api/dashboard";
            for (int i = 0; i < 3; i++) {
                figures.now();
                TestOffice.call("GET", url, "nadia", TestOffice.DEMO_PASSWORD, null);
            }
            List<Long> service = new ArrayList<>();
            List<Long> http = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                service.add(figures.now().queryMillis());
                long started = System.nanoTime();
                HttpResponse<String> response = TestOffice.call("GET", url, "nadia", TestOffice.DEMO_PASSWORD, null);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(response.statusCode() + " " + response.body());
                }
                http.add((System.nanoTime() - started) / 1_000_000);
            }
            Collections.sort(service);
            Collections.sort(http);
            System.out.printf(Locale.ROOT, "dashboard clients=%d days=%d runs=%d query_ms_p50=%d query_ms_max=%d http_ms_p50=%d http_ms_max=%d"
                            + " json_bytes=%d%n", clientCount, days, runs, service.get(runs / 2), service.get(runs - 1),
                    http.get(runs / 2), http.get(runs - 1),
                    TestOffice.call("GET", url, "nadia", TestOffice.DEMO_PASSWORD, null).body().length());
        }
    }

    /** Writes the year; answers the numbers of calls, finished tasks, appointments, filed documents and waiting mails written. */
    private long[] seed(ConfigurableApplicationContext node) {
        Clients clients = node.getBean(Clients.class);
        OfficeHistory history = new OfficeHistory(node.getBean(JdbcTemplate.class));
        TaskService tasks = node.getBean(TaskService.class);
        Random random = new Random(42);
        List<String> secretaries = List.of("claire", "sophie");
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(PARIS);
        long calls = 0;
        long finished = 0;
        long appointments = 0;
        long documents = 0;
        List<Client> office = new ArrayList<>();
        for (int c = 0; c < clientCount; c++) {
            office.add(clients.store(TestClients.client("bench", "fr", Client.MessageDelivery.IMMEDIATELY, null)));
        }
        for (LocalDate day = today.minusDays(days - 1); !day.isAfter(today); day = day.plusDays(1)) {
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            ZonedDateTime opens = day.atTime(8, 0).atZone(PARIS);
            for (Client client : office) {
                String line = client.phoneLines().get(0).number();
                for (int i = 0; i < (weekend ? 5 : 35); i++) {
                    Instant received = opens.plusSeconds(random.nextInt(11 * 3600)).toInstant();
                    if (received.isAfter(now)) {
                        continue;
                    }
                    history.call(client.id(), line, received);
                    Instant handled = received.plusSeconds(60 + random.nextInt(300));
                    history.finishedTask(client.id(), "HandleCall", secretaries.get(i % 2), received, received.plusSeconds(900), handled);
                    calls++;
                    finished++;
                    if (i % 5 == 0) {
                        Instant due = handled.plus(Duration.ofHours(2));
                        Instant done = i % 10 == 0 ? due.plusSeconds(1800) : due.minusSeconds(1800);
                        history.finishedTask(client.id(), "CallBack", secretaries.get((i + 1) % 2), handled, due, done);
                        finished++;
                    }
                }
                for (int i = 0; !weekend && i < 8; i++) {
                    Instant start = day.atTime(9 + i, 0).atZone(PARIS).toInstant();
                    history.appointment(client.id(), start, start.isAfter(now) ? "BOOKED" : i == 3 ? "NO_SHOW" : "ATTENDED");
                    appointments++;
                }
                for (int i = 0; !weekend && i < 6; i++) {
                    Instant filed = opens.plusSeconds(random.nextInt(11 * 3600)).toInstant();
                    if (!filed.isAfter(now)) {
                        history.filedDocument(client.id(), filed, i % 3 == 2 ? secretaries.get(i % 2) : "model");
                        documents++;
                    }
                }
            }
        }
        history.flush();
        for (int i = 0; i < 300; i++) {
            Task task = tasks.newTask();
            task.setName("Rappeler l'appelant");
            task.setTenantId(office.get(i % office.size()).id());
            task.setAssignee(secretaries.get(i % 2));
            task.setDueDate(Date.from(now.plus(Duration.ofMinutes(60L * (i % 48) - 600))));
            tasks.saveTask(task);
        }
        RuntimeService runtime = node.getBean(RuntimeService.class);
        int waiting = 120;
        for (int i = 0; i < waiting; i++) {
            Client client = office.get(i % office.size());
            if (i % 6 == 0) {
                WaitingMails.withSecretary(runtime, client.id(), client.name());
            } else {
                WaitingMails.awaitingClient(runtime, client.id(), client.name());
            }
        }
        return new long[] {calls, finished, appointments, documents, waiting};
    }
}
