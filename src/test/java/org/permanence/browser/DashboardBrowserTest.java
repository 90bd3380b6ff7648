package org.permanence.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import java.time.Duration;
import java.time.Instant;
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
 * The managers' dashboard in a real browser: Chart.js (from the application, no CDN) draws every chart,
 * with data where the office has some today: documents filed automatically or by a secretary, and the
 * client's mail waiting for its approval, among the rest. Screenshot: {@code target/screenshots/dashboard.png}.
 */
@Tag("browser")
@OfficeIntegrationTest
class DashboardBrowserTest {

    private static final List<String> CHARTS = List.of("calls-today", "calls-week", "open-tasks", "sla-breaches", "effort-today",
            "appointments", "documents-filed", "awaiting-approval");

    @RegisterExtension
    static final HeadlessChromium browser = new HeadlessChromium();

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
        new OfficeHistory(jdbc).call(client.id(), line, now).call(client.id(), line, now).call(client.id(), line, now)
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
        assertThat(driver.findElement(By.id("filed-share")).getText()).matches("\\d+ % filed automatically \\(\\d+ of \\d+\\)");
        assertThat((List<Object>) ((JavascriptExecutor) driver).executeScript(
                "return Chart.getChart(document.getElementById('awaiting-approval')).data.labels", new Object[0])).contains(client.name());
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
        assertThat(driver.findElement(By.id("generated")).getText()).startsWith("Office time: Europe/Paris.");
        browser.screenshot("dashboard");
    }
}
