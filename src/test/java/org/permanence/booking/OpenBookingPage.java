package org.permanence.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.permanence.SharedNode;
import org.permanence.TestOffice;
import org.permanence.appointments.Practice;
import org.permanence.clients.Client;
import org.permanence.clients.Clients;
import org.permanence.links.SignedLinks;

/**
 * A practice of its own (open every day 08:00–20:00 in Paris, one type: consultation) whose booking page
 * a manager opened on her page, as nadia does; and the caller's side: the form as the page sends it.
 */
public final class OpenBookingPage {

    private static final Pattern STAMP = Pattern.compile("name=\"f\" value=\"([^\"]+)\"");

    public final Client practice;

    private OpenBookingPage(Client practice) {
        this.practice = practice;
    }

    public static OpenBookingPage of(Clients clients) {
        OpenBookingPage page = new OpenBookingPage(Practice.create(clients));
        page.manage("enabled=on&type=consultation");
        return page;
    }

    /** The manager unticks "open": the types stay ticked, the page answers 404. */
    public void close() {
        manage("type=consultation");
    }

    private void manage(String form) {
        HttpResponse<String> saved = TestOffice.post(SharedNode.baseUrl() + "/manage/clients/" + practice.id() + "/booking-page",
                "application/x-www-form-urlencoded", form, "Authorization", basic("nadia"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    }

    public String url() {
        return SharedNode.baseUrl() + "/reserver/" + practice.id();
    }

    /** The form as the page sends it, for this slot and caller, with the stamp given. */
    public static Map<String, String> form(Instant slot, String name, String phone, String email, String stamp) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", "consultation");
        form.put("slot", slot.toString());
        form.put("name", name);
        form.put("phone", phone);
        form.put("email", email);
        form.put("website", "");
        form.put("f", stamp);
        return form;
    }

    /**
     * A stamp as the page signs it for a form shown {@code ago}: what a caller who took that long to fill
     * it sends back (the page's own stamp would need the test to wait the minimum fill time).
     */
    public String stampShown(SignedLinks links, BookingPageProperties properties, Duration ago) {
        return links.sign(practice.id(), AbuseRules.FORM_STAMP, Instant.now().minus(ago).plus(properties.formLifetime()));
    }

    public HttpResponse<String> send(Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return TestOffice.post(url(), "application/x-www-form-urlencoded", body, headers);
    }

    /** The stamp of the form in a page the booking page answered. */
    public static String stampIn(String page) {
        Matcher stamp = STAMP.matcher(page);
        assertThat(stamp.find()).as("a form stamp in " + page).isTrue();
        return stamp.group(1);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestOffice.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
