package org.permanence.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.springframework.beans.factory.annotation.Autowired;

/** The status page: one click per status, in French or English, with her team's presence; refused without sign-in. */
@OfficeIntegrationTest
class PresencePageTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired
    SecretaryStatuses statuses;
    @Autowired
    SecretaryDayProperties day;

    @AfterEach
    void everyoneBackAtWork() {
        List.of("claire", "sophie").forEach(id -> statuses.set(id, Status.AVAILABLE, null));
        // hours would make her away the rest of the week on the shared node
        statuses.setHours("claire", new WorkingHours(List.of()));
    }

    @Test
    void sheSetsFocusUntilATimeAndABreakInOneClickEach() throws Exception {
        ZonedDateTime inAnHour = ZonedDateTime.now(day.timeZone()).plusMinutes(61).truncatedTo(ChronoUnit.MINUTES);
        // near midnight "in an hour" is tomorrow, which the page refuses: the test then checks the refusal
        boolean sameDay = inAnHour.toLocalDate().equals(ZonedDateTime.now(day.timeZone()).toLocalDate());
        HttpResponse<String> focus = post("claire", "/presence/status", "status=FOCUS&until=" + inAnHour.format(DateTimeFormatter.ofPattern("HH:mm")));
        assertThat(focus.statusCode()).isEqualTo(302);
        assertThat(focus.headers().firstValue("Location").orElseThrow()).endsWith("/presence");
        if (sameDay) {
            assertThat(statuses.of("claire").status()).isEqualTo(Status.FOCUS);
            assertThat(statuses.of("claire").until()).as("whole minutes, ending within the minute she picked")
                    .isBetween(inAnHour.toInstant(), inAnHour.toInstant().plusSeconds(60));
            assertThat(get("claire", "fr")).contains("data-status=\"FOCUS\"", "Concentration", "à " + inAnHour.format(DateTimeFormatter.ofPattern("HH:mm")));
        }

        post("claire", "/presence/status", "status=BREAK&minutes=15");
        assertThat(statuses.of("claire").status()).isEqualTo(Status.BREAK);
        String page = get("sophie", "en");
        assertThat(page).contains("My availability", "My team", "On a break", "data-id=\"claire\" data-status=\"BREAK\"");
        assertThat(page).doesNotContain("durand-avocats, plomberie-leroy</td>\n    </tr>\n    <tr data-id=\"claire\"");

        post("claire", "/presence/status", "status=AVAILABLE");
        assertThat(statuses.of("claire").status()).isEqualTo(Status.AVAILABLE);
    }

    @Test
    void sheSetsHerHoursOnThePageAndAMistakeIsSaidInFrench() throws Exception {
        // a session of her own: the page says what went wrong after the redirect
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager()).build();
        send(browser, "claire", "day=MONDAY&starts=09:00&ends=12:00&day=MONDAY&starts=11:00&ends=13:00&day=&starts=&ends=");
        assertThat(statuses.hoursOf("claire").hours()).as("nothing changed").isEmpty();
        assertThat(page(browser, "claire")).contains("Non pris en compte", "11:00–13:00 chevauche 09:00–12:00 le même jour");

        send(browser, "claire", "day=SUNDAY&starts=09:00&ends=12:30&day=&starts=&ends=");
        assertThat(statuses.hoursOf("claire").hours()).containsExactly(
                new WorkingHours.Range(DayOfWeek.SUNDAY, LocalTime.of(9, 0), LocalTime.of(12, 30)));
        assertThat(page(browser, "claire")).contains("Vos horaires sont enregistrés", "value=\"SUNDAY\" selected", "dimanche",
                "value=\"09:00\"", "value=\"12:30\"", "Plomberie Leroy").doesNotContain("plomberie-leroy</td>");
    }

    @Test
    void aFocusTimeAlreadyPastIsRefusedWithAMessage() throws Exception {
        post("claire", "/presence/status", "status=FOCUS&until=00:00");
        assertThat(statuses.of("claire").status()).isEqualTo(Status.AVAILABLE);
        post("claire", "/presence/status", "status=NAP");
        assertThat(statuses.of("claire").status()).isEqualTo(Status.AVAILABLE);
    }

    @Test
    void withoutSignInThePageSendsHerToTasklist() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(SharedNode.baseUrl() + "/presence")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).contains("/camunda/app/tasklist/");
    }

    private static void send(HttpClient browser, String user, String form) throws Exception {
        HttpResponse<String> sent = browser.send(signedIn(user, "/presence/hours").header("Accept-Language", "fr-FR")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).isEqualTo(302);
    }

    private static String page(HttpClient browser, String user) throws Exception {
        return browser.send(signedIn(user, "/presence").header("Accept-Language", "fr-FR").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private String get(String user, String language) throws Exception {
        HttpResponse<String> page = http.send(signedIn(user, "/presence").header("Accept-Language", language).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    private HttpResponse<String> post(String user, String path, String form) throws Exception {
        return http.send(signedIn(user, path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder signedIn(String user, String path) {
        return HttpRequest.newBuilder(URI.create(SharedNode.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
}
