package org.permanence.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;
import static org.permanence.TestOffice.call;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.clients.Clients;
import org.permanence.clients.engine.ClientTenants;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Free slots, bookings, cancellations and closures through the API, for the secretaries who serve
 * the client and the managers; every refusal says why.
 */
@OfficeIntegrationTest
class AppointmentApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate NEXT_WEEK = LocalDate.now(Practice.PARIS).plusDays(7);

    @Autowired
    Clients clients;

    @Autowired
    ClientTenants tenants;

    /** A practice claire serves and sophie does not. */
    private String practice;

    @BeforeEach
    void newPractice() {
        practice = Practice.create(clients).id();
        tenants.addSecretary(practice, "claire");
    }

    @Test
    void aSecretaryListsFreeSlotsOnTheClientsClocksWithOffsetAndInstant() throws Exception {
        JsonNode free = ok(call("GET", freeSlots(NEXT_WEEK, NEXT_WEEK), "claire", DEMO_PASSWORD, null));

        assertThat(free.get("timeZone").asText()).isEqualTo("Europe/Paris");
        // 08:00 to 20:00 with 10 minutes after each: the last starts at 19:15
        assertThat(free.get("slots")).hasSize(46);
        JsonNode first = free.at("/slots/0");
        ZonedDateTime eight = NEXT_WEEK.atTime(8, 0).atZone(Practice.PARIS);
        assertThat(first.get("local").asText()).isEqualTo(NEXT_WEEK + "T08:00:00");
        assertThat(first.get("offset").asText()).isEqualTo(eight.getOffset().getId());
        assertThat(first.get("start").asText()).isEqualTo(eight.toInstant().toString());
    }

    @Test
    void anotherClientsSlotsAppointmentsAndClosuresAreNotFound() {
        assertThat(call("GET", freeSlots(NEXT_WEEK, NEXT_WEEK), "sophie", DEMO_PASSWORD, null).statusCode()).isEqualTo(404);
        assertThat(call("POST", appointments(), "sophie", DEMO_PASSWORD, booking(NEXT_WEEK, "10:00")).statusCode()).isEqualTo(404);
        assertThat(call("GET", closures(), "sophie", DEMO_PASSWORD, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", freeSlots(NEXT_WEEK, NEXT_WEEK), "nadia", DEMO_PASSWORD, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", freeSlots(NEXT_WEEK, NEXT_WEEK), null, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void anAppointmentOfOneClientIsNotFoundUnderAnother() throws Exception {
        String booked = ok(call("POST", appointments(), "claire", DEMO_PASSWORD, booking(NEXT_WEEK, "10:00"))).get("id").asText();
        String mine = practice;
        newPractice();

        assertThat(call("POST", appointments() + "/" + booked + "/cancel", "claire", DEMO_PASSWORD, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", SharedNode.baseUrl() + "/api/clients/" + mine + "/appointments/" + booked, "sophie", DEMO_PASSWORD, null)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aRangeOfMoreThanThirtyOneDaysIsRefusedWithTheLastDayAllowed() throws Exception {
        assertRefused(call("GET", freeSlots(NEXT_WEEK, NEXT_WEEK.plusDays(31)), "claire", DEMO_PASSWORD, null),
                "to", "list at most 31 at once, up to " + NEXT_WEEK.plusDays(30));
        assertRefused(call("GET", freeSlots(NEXT_WEEK, NEXT_WEEK.minusDays(1)), "claire", DEMO_PASSWORD, null), "to", "is before from");
        assertRefused(call("GET", freeSlots(NEXT_WEEK, NEXT_WEEK).replace("consultation", "detartrage"), "claire", DEMO_PASSWORD, null),
                "type", "unknown appointment type 'detartrage'");
        HttpResponse<String> badDate = call("GET", freeSlots(NEXT_WEEK, NEXT_WEEK).replace("to=" + NEXT_WEEK, "to=demain"),
                "claire", DEMO_PASSWORD, null);
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("to");
    }

    @Test
    void aBookingIsCreatedThenTheSameSlotIsTakenUntilItIsCancelled() throws Exception {
        HttpResponse<String> created = call("POST", appointments(), "claire", DEMO_PASSWORD, booking(NEXT_WEEK, "10:00"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode appointment = JSON.readTree(created.body());
        assertThat(appointment.get("status").asText()).isEqualTo("BOOKED");
        assertThat(appointment.at("/caller/number").asText()).isEqualTo("+33612345678");
        assertThat(created.headers().firstValue("Location"))
                .hasValue("/api/clients/" + practice + "/appointments/" + appointment.get("id").asText());

        HttpResponse<String> taken = call("POST", appointments(), "nadia", DEMO_PASSWORD, booking(NEXT_WEEK, "10:00"));
        assertThat(taken.statusCode()).isEqualTo(409);
        JsonNode problem = JSON.readTree(taken.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:permanence:slot-taken");
        assertThat(problem.get("detail").asText()).contains(NEXT_WEEK + "T10:00").contains("pick another free slot");
        assertThat(startsOf(NEXT_WEEK)).doesNotContain(NEXT_WEEK + "T10:00:00", NEXT_WEEK + "T10:30:00");

        String cancel = appointments() + "/" + appointment.get("id").asText() + "/cancel";
        HttpResponse<String> cancelled = call("POST", cancel, "claire", DEMO_PASSWORD, null);
        assertThat(JSON.readTree(cancelled.body()).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(startsOf(NEXT_WEEK)).contains(NEXT_WEEK + "T10:00:00", NEXT_WEEK + "T10:30:00");
        assertThat(call("POST", appointments() + "/no-such-appointment/cancel", "claire", DEMO_PASSWORD, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aBookingOutsideTheClientsRulesIsRefusedNamingTheField() throws Exception {
        // a consultation is booked an hour ahead at least
        String nextQuarter = Interval.ceil(Instant.now(), Duration.ofMinutes(15)).toString();

        assertRefused(book(changed("start", at(NEXT_WEEK, "10:05"))), "start", "grid");
        assertRefused(book(changed("start", at(NEXT_WEEK, "19:30"))), "start", "outside the opening hours");
        assertRefused(book(changed("start", nextQuarter)), "start", "too soon");
        assertRefused(book(changed("type", "detartrage")), "type", "unknown appointment type");
        assertRefused(book(changed("callerNumber", null)), "callerNumber", "phone number or e-mail");
        assertRefused(book(changed("callerNumber", "n/a")), "callerNumber", "is not a phone number");
        assertRefused(book(changed("callerName", null)), "callerName", "");
    }

    @Test
    void aManagerClosesADayAndItsSlotsDisappear() throws Exception {
        String closed = json(Map.of("closures", List.of(Map.of("from", NEXT_WEEK + "T00:00", "to", NEXT_WEEK.plusDays(1) + "T00:00",
                "reason", "Formation"))));

        assertThat(call("PUT", closures(), "claire", DEMO_PASSWORD, closed).statusCode()).isEqualTo(403);
        JsonNode set = ok(call("PUT", closures(), "nadia", DEMO_PASSWORD, closed));

        assertThat(set.at("/closures/0/reason").asText()).isEqualTo("Formation");
        assertThat(ok(call("GET", closures(), "claire", DEMO_PASSWORD, null)).get("closures")).hasSize(1);
        assertThat(startsOf(NEXT_WEEK)).isEmpty();
        assertThat(startsOf(NEXT_WEEK.plusDays(1))).isNotEmpty();
        assertRefused(call("POST", appointments(), "claire", DEMO_PASSWORD, booking(NEXT_WEEK, "10:00")), "start", "Formation");
    }

    @Test
    void aClosureEndingBeforeItStartsIsRefused() throws Exception {
        String backwards = json(Map.of("closures",
                List.of(Map.of("from", NEXT_WEEK + "T12:00", "to", NEXT_WEEK + "T09:00", "reason", "Réunion"))));

        assertRefused(call("PUT", closures(), "nadia", DEMO_PASSWORD, backwards), "closures[0].to", "is not after from");
        assertRefused(call("PUT", closures(), "nadia", DEMO_PASSWORD, json(Map.of("closures", List.of(Map.of("from", NEXT_WEEK + "T12:00",
                "to", NEXT_WEEK + "T13:00"))))), "closures[0].reason", "");
    }

    private List<String> startsOf(LocalDate day) throws Exception {
        return ok(call("GET", freeSlots(day, day), "claire", DEMO_PASSWORD, null)).get("slots").findValuesAsText("local");
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }

    private static void assertRefused(HttpResponse<String> refused, String field, String reason) throws Exception {
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode errors = JSON.readTree(refused.body()).get("errors");
        assertThat(errors).as(refused.body()).hasSize(1);
        assertThat(errors.get(0).get("field").asText()).isEqualTo(field);
        assertThat(errors.get(0).get("message").asText()).contains(reason);
    }

    private static String booking(LocalDate day, String time) {
        return json(fields(day, time));
    }

    private static Map<String, Object> fields(LocalDate day, String time) {
        return new HashMap<>(Map.of("type", "consultation", "start", at(day, time), "callerName", "Mme Petit",
                "callerNumber", "06 12 34 56 78"));
    }

    /** A valid booking next week at 10:00 with one field changed (null: left out). */
    private static Map<String, Object> changed(String field, Object value) {
        Map<String, Object> booking = fields(NEXT_WEEK, "10:00");
        booking.put(field, value);
        booking.values().removeIf(Objects::isNull);
        return booking;
    }

    private HttpResponse<String> book(Map<String, Object> booking) {
        return call("POST", appointments(), "claire", DEMO_PASSWORD, json(booking));
    }

    /** The start as a free slot gives it: the client's local time with its offset. */
    private static String at(LocalDate day, String time) {
        return ZonedDateTime.of(day.atTime(LocalTime.parse(time)), Practice.PARIS).toOffsetDateTime().toString();
    }

    private static String json(Object value) {
        return JSON.valueToTree(value).toString();
    }

    private String freeSlots(LocalDate from, LocalDate to) {
        return SharedNode.baseUrl() + "/api/clients/" + practice + "/free-slots?type=consultation&from=" + from + "&to=" + to;
    }

    private String appointments() {
        return SharedNode.baseUrl() + "/api/clients/" + practice + "/appointments";
    }

    private String closures() {
        return SharedNode.baseUrl() + "/api/clients/" + practice + "/closures";
    }
}
