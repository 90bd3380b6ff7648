package org.permanence.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.permanence.Eventually;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestMail;
import org.permanence.TestOffice;
import org.permanence.appointments.Appointment;
import org.permanence.appointments.AppointmentBook;
import org.permanence.appointments.BookingOutcome.Booked;
import org.permanence.appointments.BookingRequest;
import org.permanence.appointments.Bookings;
import org.permanence.appointments.ConfirmedAppointment;
import org.permanence.appointments.Practice;
import org.permanence.appointments.Slot;
import org.permanence.clients.Client;
import org.permanence.clients.Clients;
import org.permanence.links.SignedLinks;
import org.permanence.mail.MailFolder;
import org.permanence.mail.StoredMail;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The booking page on the running node, over HTTP as a caller's browser (or a robot) talks to it: two
 * callers racing for one slot, the honeypot, the minimum fill time, the rate limit per address, the cap
 * on open bookings, a page that is off, the frames, the managers' snippet. Each test has a practice of its own.
 */
@OfficeIntegrationTest
class BookingPageTest {

    @Autowired
    Clients clients;
    @Autowired
    Bookings bookings;
    @Autowired
    AppointmentBook book;
    @Autowired
    RuntimeService runtime;
    @Autowired
    SignedLinks links;
    @Autowired
    BookingPageProperties properties;
    @Autowired
    MailFolder mail;

    @Test
    void ofTwoCallersSendingOneSlotAtOnceOneGetsItAndTheOtherIsOfferedTheOthers() throws Exception {
        OpenBookingPage page = OpenBookingPage.of(clients);
        Instant ten = Practice.nextMondayAt(10).toInstant();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        List<Future<HttpResponse<String>>> sent = new ArrayList<>();
        try {
            for (String who : List.of("premier", "second")) {
                String stamp = page.stampShown(links, properties, Duration.ofSeconds(30));
                sent.add(callers.submit(() -> {
                    go.await();
                    return page.send(OpenBookingPage.form(ten, "M. " + who, "06 12 34 56 7" + who.length(),
                            who + "-" + page.practice.id() + "@example.fr", stamp));
                }));
            }
            go.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get());
            }
            answers.sort(Comparator.comparingInt(HttpResponse::statusCode));

            assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 409);
            assertThat(answers.get(0).body()).contains("id=\"outcome\"", "Votre rendez-vous est réservé");
            String loser = answers.get(1).body();
            assertThat(loser).contains("vient d&#39;être réservé par quelqu&#39;un d&#39;autre")
                    .doesNotContain("value=\"" + ten + "\"")
                    .contains("value=\"" + ten.plus(Duration.ofMinutes(45)) + "\"");
            assertThat(OpenBookingPage.stampIn(loser)).as("a fresh form to send again").isNotBlank();
        } finally {
            callers.shutdownNow();
        }
        assertThat(freeStarts(page.practice, ten)).doesNotContain(ten);
        assertThat(runtime.createProcessInstanceQuery().tenantIdIn(page.practice.id()).count())
                .as("the loser's process rolled back with its booking").isEqualTo(1);

        // the winner gets the office's confirmation, through the appointment's own process
        String winner = runtime.createProcessInstanceQuery().tenantIdIn(page.practice.id()).singleResult().getId();
        Appointment booked = book.ofProcess(winner).orElseThrow();
        assertThat(booked.source()).isEqualTo(Appointment.Source.BOOKING_PAGE);
        assertThat(booked.start()).isEqualTo(ten);
        Eventually.await("the confirmation to " + booked.caller().email(), () -> !TestMail.to(mail, booked.caller().email()).isEmpty());
        StoredMail confirmation = TestMail.to(mail, booked.caller().email()).get(0);
        assertThat(ConfirmedAppointment.event(ConfirmedAppointment.invitation(confirmation)).getUid().orElseThrow().getValue())
                .contains(booked.id());
        assertThat(ConfirmedAppointment.link(confirmation, "cancel")).contains("/rdv/cancel?t=");
    }

    @Test
    void aRobotFillingTheHoneypotIsRefusedAndNothingIsBooked() {
        OpenBookingPage page = OpenBookingPage.of(clients);
        Instant ten = Practice.nextMondayAt(10).toInstant();
        var form = OpenBookingPage.form(ten, "Robot", "06 12 34 56 78", "robot@example.fr", page.stampShown(links, properties,
                Duration.ofSeconds(30)));
        form.put("website", "https://spam.example");

        HttpResponse<String> refused = page.send(form, "Accept-Language", "en");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("a hidden field that only robots fill in was filled in");
        assertThat(freeStarts(page.practice, ten)).contains(ten);
    }

    @Test
    void missingOrWrongFieldsAreMarkedForScreenReadersAndNothingIsBooked() {
        OpenBookingPage page = OpenBookingPage.of(clients);
        Instant ten = Practice.nextMondayAt(10).toInstant();

        HttpResponse<String> refused = page.send(OpenBookingPage.form(ten, "Mme Petit", "abc", "", page.stampShown(links, properties,
                Duration.ofSeconds(30))));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("role=\"alert\"", "corrigez les champs signalés", "aria-describedby=\"phone-error\"",
                        "aria-describedby=\"email-error\"", "Indiquez une adresse e-mail valide", "value=\"Mme Petit\"")
                .doesNotContain("id=\"name-error\"");
        assertThat(freeStarts(page.practice, ten)).contains(ten);
    }

    @Test
    void aFormSentTheMomentItWasShownIsRefusedAsTooFast() {
        OpenBookingPage page = OpenBookingPage.of(clients);
        Instant ten = Practice.nextMondayAt(10).toInstant();
        HttpResponse<String> shown = TestOffice.call("GET", page.url(), null, null, null);
        assertThat(shown.statusCode()).isEqualTo(200);

        HttpResponse<String> refused = page.send(OpenBookingPage.form(ten, "Robot", "06 12 34 56 78", "robot@example.fr",
                OpenBookingPage.stampIn(shown.body())));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("envoyé trop vite");
        assertThat(freeStarts(page.practice, ten)).contains(ten);
    }

    @Test
    void anAddressSendingMoreThanItsShareIsRefusedWith429() {
        OpenBookingPage page = OpenBookingPage.of(clients);
        Instant ten = Practice.nextMondayAt(10).toInstant();
        var robot = OpenBookingPage.form(ten, "Robot", "06 12 34 56 78", "robot@example.fr", "forged");
        for (int i = 0; i < properties.attemptsPerAddress(); i++) {
            assertThat(page.send(robot).statusCode()).as("sending " + (i + 1) + ", refused for its forged stamp").isEqualTo(400);
        }

        HttpResponse<String> refused = page.send(OpenBookingPage.form(ten, "Mme Petit", "06 12 34 56 78", "petit@example.fr",
                page.stampShown(links, properties, Duration.ofSeconds(30))), "Accept-Language", "en-GB,en;q=0.8");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("Too many bookings have been sent from your connection");
        assertThat(freeStarts(page.practice, ten)).contains(ten);
    }

    @Test
    void aCallerWithAsManyAppointmentsToComeAsAllowedIsToldToCall() {
        OpenBookingPage page = OpenBookingPage.of(clients);
        String email = "petit-" + page.practice.id() + "@example.fr";
        for (int i = 0; i < properties.openBookingsPerCaller(); i++) {
            assertThat(bookings.book(page.practice, new BookingRequest("consultation", Practice.nextMondayAt(9 + i), "Mme Petit",
                    null, email))).isInstanceOf(Booked.class);
        }
        Instant three = Practice.nextMondayAt(15).toInstant();

        HttpResponse<String> refused = page.send(OpenBookingPage.form(three, "Mme Petit", "07 00 00 00 01", email.toUpperCase(),
                page.stampShown(links, properties, Duration.ofSeconds(30))));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Vous avez déjà des rendez-vous à venir avec ce cabinet");
        assertThat(freeStarts(page.practice, three)).contains(three);
    }

    @Test
    void aClientWhosePageIsOffAnswers404InFrench() {
        Client never = Practice.create(clients);
        OpenBookingPage closed = OpenBookingPage.of(clients);
        assertThat(TestOffice.call("GET", closed.url(), null, null, null).statusCode()).isEqualTo(200);
        closed.close();
        for (String path : List.of("/reserver/" + never.id(), "/reserver/" + closed.practice.id(), "/reserver/no-such-client")) {
            HttpResponse<String> answer = TestOffice.post(SharedNode.baseUrl() + path, "application/x-www-form-urlencoded", "type=consultation",
                    "Accept-Language", "en");
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).contains("lang=\"fr\"", "Page de réservation introuvable");
            assertThat(TestOffice.call("GET", SharedNode.baseUrl() + path, null, null, null).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void onlyTheBookingPagesMayBeFramedByOtherSites() {
        OpenBookingPage page = OpenBookingPage.of(clients);
        HttpResponse<String> booking = TestOffice.call("GET", page.url(), null, null, null);
        assertThat(booking.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("frame-ancestors *", "script-src 'self'").doesNotContain("frame-ancestors 'none'");
        assertThat(booking.headers().firstValue("X-Frame-Options")).isEmpty();

        for (String path : List.of("/rdv/confirm?t=forged", "/reserverx", "/manage/dashboard")) {
            HttpResponse<String> other = TestOffice.call("GET", SharedNode.baseUrl() + path, "nadia", TestOffice.DEMO_PASSWORD, null);
            assertThat(other.headers().firstValue("Content-Security-Policy")).as(path).get().asString().contains("frame-ancestors 'none'");
            assertThat(other.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
        }
    }

    @Test
    void theManagersPageShowsTheAddressAndTheSnippetToCopy() {
        OpenBookingPage page = OpenBookingPage.of(clients);

        HttpResponse<String> shown = TestOffice.call("GET", SharedNode.baseUrl() + "/manage/clients/" + page.practice.id() + "/booking-page",
                "nadia", TestOffice.DEMO_PASSWORD, null);

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("&lt;iframe src=&quot;http://localhost:" + SharedNode.PROPERTIES.get("server.port") + "/reserver/"
                + page.practice.id() + "&quot; title=&quot;Prendre rendez-vous — " + page.practice.name() + "&quot;")
                .contains("id=\"enabled\" name=\"enabled\" value=\"on\" checked");
    }

    private List<Instant> freeStarts(Client practice, Instant around) {
        LocalDate day = around.atZone(Practice.PARIS).toLocalDate();
        return bookings.freeSlots(practice, "consultation", day, day).slots().stream().map(Slot::start).toList();
    }
}
