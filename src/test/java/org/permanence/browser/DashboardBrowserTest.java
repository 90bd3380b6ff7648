package org.permanence.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestClients;
import org.permanence.clients.Client;
import org.permanence.clients.Clients;
import org.permanence.dashboard.OfficeHistory;
import org.permanence.dashboard.WaitingMails;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The managers' dashboard in a real (French) browser: Chart.js (from the application, no CDN) draws every chart,
 * with data where the office has some this week: calls every day, documents filed automatically or by a
 * secretary, and the client's mail waiting for its approval, among the rest. The week's calls are seven bars,
 * one a day; count axes tick at whole numbers; a chart with nothing says so in words. Screenshots:
 * {@code target/screenshots/dashboard.png} (the week) and {@code dashboard-empty.png}.
 */
@Tag("browser")
@OfficeIntegrationTest
class DashboardBrowserTest {

    private static final List<String> CHARTS = List.of("calls-today", "calls-week", "open-tasks", "sla-breaches", "effort-today",
            "appointments", "documents-filed", "awaiting-approval");

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @RegisterExtension
    static final HeadlessChromium browser = HeadlessChromium.inAFrenchOffice();

    @Autowired
    Clients clients;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;

    @Test
    void aManagerSeesTheOfficeInCharts() {
        Client client = clients.store(TestClients.client("charts", "fr", Client.MessageDelivery.IMMEDIATELY, null));
        Instant now = Instant.now();
        String line = client.phoneLines().get(0).number();
        OfficeHistory history = new OfficeHistory(jdbc);
        // a call at ten every day of this week (Monday first, in the office's time zone), and two more now
        ZonedDateTime monday = LocalDate.now(PARIS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atTime(10, 0).atZone(PARIS);
        for (int day = 0; day < 7; day++) {
            history.call(client.id(), line, monday.plusDays(day).toInstant());
        }
        history.call(client.id(), line, now).call(client.id(), line, now)
                .appointment(client.id(), now, "BOOKED").appointment(client.id(), now, "NO_SHOW")
                .finishedTask(client.id(), "HandleCall", "sophie", now.minusSeconds(900), now.minusSeconds(600), now.minusSeconds(60))
                .filedDocument(client.id(), now, "model").filedDocument(client.id(), now, "model").filedDocument(client.id(), now, "sophie")
                .flush();
        Task callBack = tasks.newTask();
        callBack.setName("Rappeler (tableau de bord)");
        callBack.setDueDate(Date.from(now.plus(Duration.ofDays(2))));
        tasks.saveTask(callBack);
        String awaiting = WaitingMails.awaitingClient(runtime, client.id(), client.name());
        try {
            look(client);
        } finally {
            tasks.deleteTask(callBack.getId(), true);
            runtime.deleteProcessInstance(awaiting, "test over", true, true);
        }
    }

    private void look(Client client) {
        WebDriver driver = browser.driver();
        new Tasklist(browser, SharedNode.baseUrl() + "/camunda/app/tasklist/default/").signIn("nadia", DEMO_PASSWORD);

        driver.get(SharedNode.baseUrl() + "/manage/dashboard");

        for (String chart : CHARTS) {
            browser.waitUntil("chart " + chart + " to be drawn",
                    d -> "true".equals(d.findElement(By.id(chart)).getDomAttribute("data-rendered")));
            assertThat((Boolean) ((JavascriptExecutor) driver).executeScript(
                    "return Chart.getChart(document.getElementById(arguments[0])) !== undefined", chart)).as(chart).isTrue();
        }
        for (String withData : CHARTS) {
            assertThat(Double.parseDouble(driver.findElement(By.id(withData)).getDomAttribute("data-points"))).as(withData).isPositive();
        }
        assertThat(driver.findElement(By.id("filed-share")).getText()).matches("\\d+ % rangés automatiquement \\(\\d+ sur \\d+\\)");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertThat((List<Object>) js.executeScript("return Chart.getChart(document.getElementById('calls-week')).data.labels")).hasSize(7);
        assertThat((Long) js.executeScript("return Chart.getChart(document.getElementById('calls-week')).data.datasets"
                + ".find(set => set.label === arguments[0]).data.reduce((a, b) => a + b, 0)", client.name())).isEqualTo(9);
        for (String[] axis : new String[][] {{"calls-week", "y"}, {"calls-today", "y"}, {"appointments", "y"}, {"sla-breaches", "x"},
                {"awaiting-approval", "x"}}) {
            assertThat((List<Object>) js.executeScript("return Chart.getChart(document.getElementById(arguments[0])).scales[arguments[1]]"
                    + ".ticks.map(tick => tick.value)", axis[0], axis[1])).as("%s ticks", axis[0])
                    .allSatisfy(tick -> assertThat(((Number) tick).doubleValue() % 1).isZero());
        }
        assertThat((List<Object>) ((JavascriptExecutor) driver).executeScript(
                "return Chart.getChart(document.getElementById('awaiting-approval')).data.labels", new Object[0])).contains(client.name());
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Tableau de bord");
        assertThat(driver.findElement(By.id("calls-week")).isDisplayed()).isTrue();
        browser.screenshot("dashboard");

        // a week with nothing: each chart says so instead of drawing empty axes
        js.executeScript("Dashboard.show({timeZone: 'Europe/Paris', queryMillis: 1,"
                + " callsToday: {hours: ['2026-12-07T09:00'], clients: []}, callsThisWeek: {hours: ['2026-12-07T09:00'], clients: []},"
                + " openTasks: {late: 0, dueToday: 0, later: 0, noDueDate: 0}, slaBreachesThisWeek: [], effortToday: [],"
                + " appointmentsThisWeek: [], documentsFiledThisWeek: {automatically: 0, bySecretary: 0}, mailsAwaitingApproval: []})");
        assertThat(driver.findElement(By.id("calls-week")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.cssSelector("#calls-week + .nothing")).getText()).isEqualTo("Rien cette semaine");
        assertThat(driver.findElement(By.cssSelector("#calls-today + .nothing")).getText()).isEqualTo("Rien aujourd'hui");
        browser.screenshot("dashboard-empty");
    }
}
