package org.permanence.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.permanence.Eventually;
import org.permanence.OfficeIntegrationTest;
import org.permanence.clients.Clients;
import org.permanence.links.SignedLinks;
import org.permanence.mail.MailFolder;
import org.permanence.mail.StoredMail;
import org.permanence.system.SpokenDates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.util.HtmlUtils;

/**
 * The caller's side on the running node: the confirmation mail the workers really sent, its .ics
 * read by ical4j, and its links opened over HTTP, as a phone would, including the bad ones.
 */
@OfficeIntegrationTest
class CallerLinksTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    Clients clients;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    AppointmentBook book;
    @Autowired
    Bookings bookings;
    @Autowired
    MailFolder mail;
    @Autowired
    SignedLinks links;
    @Value("${server.port}")
    int port;

    @Test
    void theConfirmationCarriesARequestInvitationForTheCallerAndTheSameEventForTheClient() {
        ConfirmedAppointment booked = ConfirmedAppointment.book(clients, runtime, book, mail);
        Eventually.await("the client's copy", () -> !booked.clientsMails(mail).isEmpty());

        VEvent callers = ConfirmedAppointment.event(ConfirmedAppointment.invitation(booked.confirmation));
        Calendar clients = ConfirmedAppointment.invitation(booked.clientsMails(mail).get(0));

        assertThat(ConfirmedAppointment.invitation(booked.confirmation).getProperty("METHOD")).map(Object::toString)
                .hasValueSatisfying(method -> assertThat(method).contains("REQUEST"));
        assertThat(callers.getUid().orElseThrow().getValue()).isEqualTo(booked.appointment.id() + "@permanence");
        assertThat(callers.getSequence().getSequenceNo()).isZero();
        assertThat(Instant.from(callers.getDateTimeStart().getDate())).isEqualTo(booked.start.toInstant());
        assertThat(ConfirmedAppointment.event(clients).getUid()).isEqualTo(callers.getUid());
        assertThat(booked.confirmation.subject()).contains("Votre rendez-vous du lundi").contains(booked.practice.name());
        assertThat(booked.confirmation.text()).contains("/rdv/confirm?t=", "/rdv/cancel?t=", "/rdv/reschedule?t=");
    }

    @Test
    void theCancelLinkAsksFirstThenCancelsFreesTheSlotAndSendsTheCancelInvitationOnce() throws Exception {
        ConfirmedAppointment booked = ConfirmedAppointment.book(clients, runtime, book, mail);
        String cancel = booked.link("cancel");

        Page asked = get(cancel);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("Annuler le rendez-vous", "lundi", "10 h 00");
        assertThat(book.find(booked.appointment.id()).orElseThrow().status()).as("opening the link changes nothing")
                .isEqualTo(AppointmentStatus.BOOKED);

        Page done = post(cancel, null);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Votre rendez-vous est annulé");
        assertThat(book.find(booked.appointment.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(freeStarts(booked)).contains(booked.start.toInstant());

        Eventually.await("the cancellation mail", () -> booked.callersMails(mail).size() == 2);
        Calendar cancelled = ConfirmedAppointment.invitation(booked.callersMails(mail).get(1));
        assertThat(cancelled.getProperty("METHOD").map(Object::toString).orElseThrow()).contains("CANCEL");
        assertThat(ConfirmedAppointment.event(cancelled).getUid().orElseThrow().getValue()).isEqualTo(booked.appointment.id() + "@permanence");
        assertThat(ConfirmedAppointment.event(cancelled).getSequence().getSequenceNo()).isEqualTo(1);
        Eventually.await("the process to end cancelled", () -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(booked.processInstanceId).finished().count() == 1);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(booked.processInstanceId)
                .activityId("AppointmentCancelled").count()).isEqualTo(1);

        Page again = post(cancel, null);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("Ce lien a déjà servi", "Rien n'a été modifié");
    }

    @Test
    void theConfirmLinkNotesTheConfirmationInTheAppointmentAndItsProcess() throws Exception {
        ConfirmedAppointment booked = ConfirmedAppointment.book(clients, runtime, book, mail);

        Page done = post(booked.link("confirm"), null);

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("votre venue est confirmée");
        assertThat(book.find(booked.appointment.id()).orElseThrow().confirmedAt()).isNotNull();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(booked.processInstanceId)
                .activityId("ConfirmationNoted").count()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(booked.processInstanceId).count())
                .as("still ahead: reminder and attendance to come").isEqualTo(1);
    }

    @Test
    void theRescheduleLinkListsFreeSlotsMovesTheAppointmentAndSendsItAgainWithTheNextSequence() throws Exception {
        ConfirmedAppointment booked = ConfirmedAppointment.book(clients, runtime, book, mail);
        String reschedule = booked.link("reschedule");
        Instant later = booked.start.plusHours(2).toInstant();

        Page page = get(reschedule);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Choisissez un nouvel horaire", "value=\"" + later + "\"")
                .doesNotContain("value=\"" + booked.start.toInstant() + "\"");

        Page done = post(reschedule, later);
        String before = SpokenDates.at(booked.start.toLocalDateTime(), "fr");
        String after = SpokenDates.at(booked.start.plusHours(2).toLocalDateTime(), "fr");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(HtmlUtils.htmlUnescape(done.body())).contains("Votre rendez-vous du " + before + " est déplacé au " + after + ".",
                "avec</span> <span>" + booked.practice.theName() + "</span>");

        Appointment moved = book.find(booked.appointment.id()).orElseThrow();
        assertThat(moved.start()).isEqualTo(later);
        assertThat(moved.sequence()).isEqualTo(1);
        assertThat(freeStarts(booked)).contains(booked.start.toInstant()).doesNotContain(later);
        Eventually.await("the new confirmation", () -> booked.callersMails(mail).size() == 2);
        StoredMail again = booked.callersMails(mail).get(1);
        // told as a move, from the old time to the new, not as a second booking
        assertThat(again.subject()).startsWith("Rendez-vous déplacé au " + after);
        assertThat(again.text()).contains("du " + before + " est déplacé au " + after + ".").doesNotContain("réservé");
        Eventually.await("the client's moved event", () -> booked.clientsMails(mail).size() == 2);
        StoredMail clientsMoved = booked.clientsMails(mail).get(1);
        assertThat(clientsMoved.subject()).startsWith("Rendez-vous déplacé : Mme Petit, " + after);
        assertThat(clientsMoved.text()).contains("du " + before + " est déplacé au " + after + " ; l'ancien créneau est de nouveau libre.");
        assertThat(ConfirmedAppointment.event(ConfirmedAppointment.invitation(clientsMoved)).getSequence().getSequenceNo()).isEqualTo(1);
        VEvent event = ConfirmedAppointment.event(ConfirmedAppointment.invitation(again));
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo(booked.appointment.id() + "@permanence");
        assertThat(event.getSequence().getSequenceNo()).isEqualTo(1);
        assertThat(Instant.from(event.getDateTimeStart().getDate())).isEqualTo(later);
        assertThat(ConfirmedAppointment.invitation(again).getProperty("METHOD").map(Object::toString).orElseThrow()).contains("REQUEST");

        // the first mail's links were for the appointment before it moved
        Page stale = post(booked.link("cancel"), null);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Votre rendez-vous a changé depuis ce mail");
        assertThat(book.find(booked.appointment.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.BOOKED);
        ConfirmedAppointment.awaitWaiting(runtime, booked.processInstanceId);
        assertThat(post(ConfirmedAppointment.link(again, "confirm"), null).statusCode()).isEqualTo(200);
    }

    @Test
    void aSlotTakenMeanwhileOrOneNotOfferedLeavesTheAppointmentAndTheLinkAsTheyWere() throws Exception {
        ConfirmedAppointment booked = ConfirmedAppointment.book(clients, runtime, book, mail);
        String reschedule = booked.link("reschedule");
        Instant later = booked.start.plusHours(3).toInstant();
        bookings.book(booked.practice, new BookingRequest("consultation", later.atOffset(ZoneOffset.UTC), "M. Vif",
                "06 98 76 54 32", null));

        Page taken = post(reschedule, later);

        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("Ce créneau vient d'être pris", "Choisir ce créneau");
        assertThat(book.find(booked.appointment.id()).orElseThrow().start()).isEqualTo(booked.start.toInstant());

        Page offGrid = post(reschedule, later.plusSeconds(7 * 60));
        assertThat(offGrid.statusCode()).isEqualTo(400);
        assertThat(offGrid.body()).contains("Ce créneau n'est pas proposé", "Choisir ce créneau");
        assertThat(post(reschedule, null).statusCode()).as("no slot chosen").isEqualTo(400);

        assertThat(post(reschedule, later.plusSeconds(3600)).statusCode()).as("the link was not spent").isEqualTo(200);
    }

    @Test
    void tamperedWrongActionExpiredAndMadeUpLinksShowAClearPageAndChangeNothing() throws Exception {
        ConfirmedAppointment booked = ConfirmedAppointment.book(clients, runtime, book, mail);
        String cancel = booked.link("cancel");
        String token = cancel.substring(cancel.indexOf("?t=") + 3);
        String base = "http://localhost:" + port + "/rdv/";
        String expired = links.sign(booked.appointment.id() + ":0", "appointment-cancel", Instant.now().minusSeconds(1));

        Page tampered = post(base + "cancel?t=" + token.substring(0, token.length() - 2) + "xx", null);
        Page wrongAction = post(base + "confirm?t=" + token, null);
        Page late = post(base + "cancel?t=" + expired, null);
        Page noToken = get(base + "cancel");
        Page unknownAction = get(base + "delete?t=" + token);

        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(tampered.body()).contains("Ce lien n'est pas valide", "Rien n'a été modifié");
        assertThat(wrongAction.statusCode()).isEqualTo(400);
        assertThat(wrongAction.body()).contains("Ce lien sert à une autre demande");
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("Ce lien a expiré");
        assertThat(noToken.statusCode()).isEqualTo(400);
        assertThat(unknownAction.statusCode()).isEqualTo(400);
        assertThat(book.find(booked.appointment.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(post(cancel, null).statusCode()).as("the real link still works once").isEqualTo(200);
    }

    @Test
    void thePagesSpeakTheBrowsersLanguageOrTheOneAsked() throws Exception {
        ConfirmedAppointment booked = ConfirmedAppointment.book(clients, runtime, book, mail);
        String confirm = booked.link("confirm");

        Page english = get(confirm, "en-GB,en;q=0.8");
        Page asked = get(confirm + "&lang=en");
        Page german = get(confirm, "de-DE");

        assertThat(english.body()).contains("Will you come to this appointment?", "Monday", "lang=\"en\"");
        assertThat(asked.body()).contains("Yes, I will come");
        assertThat(german.body()).as("the client's language").contains("Je confirme ma venue");
        assertThat(english.body()).contains("name=\"viewport\"");
    }

    private List<Instant> freeStarts(ConfirmedAppointment booked) {
        LocalDate day = booked.start.toLocalDate();
        return bookings.freeSlots(booked.practice, "consultation", day, day).slots().stream().map(Slot::start).toList();
    }

    /** A page as the caller reads it: its status, and its text with the HTML entities decoded. */
    private record Page(int statusCode, String body) {

        static Page of(HttpResponse<String> response) {
            return new Page(response.statusCode(), HtmlUtils.htmlUnescape(response.body()));
        }
    }

    private static Page get(String url) throws IOException, InterruptedException {
        return get(url, null);
    }

    private static Page get(String url, String languages) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (languages != null) {
            request.header("Accept-Language", languages);
        }
        return Page.of(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** The page's button: the form posts the token (and for a reschedule the chosen slot) back. */
    private static Page post(String link, Instant slot) throws IOException, InterruptedException {
        URI uri = URI.create(link);
        String form = uri.getRawQuery() + (slot == null ? "" : "&slot=" + URLEncoder.encode(slot.toString(), StandardCharsets.UTF_8));
        URI action = URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath());
        return Page.of(HTTP.send(HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()));
    }
}
