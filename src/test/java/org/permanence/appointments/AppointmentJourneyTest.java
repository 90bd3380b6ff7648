package org.permanence.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.time.ZoneOffset;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.permanence.Eventually;
import org.permanence.OfficeIntegrationTest;
import org.permanence.TestMail;
import org.permanence.TestOffice;
import org.permanence.appointments.BookingOutcome.Booked;
import org.permanence.calls.CallerIdentification;
import org.permanence.clients.Client;
import org.permanence.clients.Clients;
import org.permanence.mail.MailFolder;
import org.permanence.mail.StoredMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The appointment-confirmation process on the running node with its real workers, database and
 * mail server: a slot taken meanwhile, the secretary's pick, the reminder, the no-show the next call
 * shows; timers are fired through the engine's jobs rather than waited for.
 */
@OfficeIntegrationTest
class AppointmentJourneyTest {

    @Autowired
    Clients clients;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    AppointmentBook book;
    @Autowired
    Bookings bookings;
    @Autowired
    AppointmentMails mails;
    @Autowired
    CallerIdentification identification;
    @Autowired
    MailFolder mail;
    @Value("${server.port}")
    int port;

    @Test
    void aSlotTakenBeforeBookingSendsTheSecretaryBackToTheFreeSlotsUnderTheClientsTenant() {
        Client practice = Practice.create(clients);
        OffsetDateTime start = Practice.nextMondayAt(10);
        bookings.book(practice, new BookingRequest("consultation", start, "M. Premier", "06 11 22 33 44", null));

        String instance = runtime.startProcessInstanceByKey("appointment-confirmation", Map.of("clientId", practice.id(),
                "clientName", practice.name(), "callerName", "Mme Second", "callerNumber", "06 55 66 77 88",
                "appointmentType", "consultation", "slotStart", start.atZoneSameInstant(Practice.PARIS).toLocalDateTime().toString()))
                .getId();

        Task pick = awaitTask(instance, "PickSlot");
        assertThat(pick.getTenantId()).isEqualTo(practice.id());
        assertThat(pick.getName()).isEqualTo("Choisir un créneau — " + practice.name());
        Map<String, Object> shown = runtime.getVariables(instance);
        assertThat((String) shown.get("slotProblem")).contains("vient d'être pris");
        assertThat((String) shown.get("freeSlotsText")).as("ranges of free slots; 10:00 is taken with its 10 minutes after").contains("à 09:15, 10:45 à ");
        assertThat((String) shown.get("appointmentTypes")).contains("consultation (Consultation, 30 min)");

        tasks.complete(pick.getId(), Map.of("slotStart", start.plusMinutes(45).atZoneSameInstant(Practice.PARIS).toLocalDateTime()
                .toString()));

        Eventually.await("the booking", () -> book.ofProcess(instance).isPresent());
        assertThat(book.ofProcess(instance).orElseThrow().start()).isEqualTo(start.plusMinutes(45).toInstant());
        assertThat(book.ofProcess(instance).orElseThrow().caller().number()).isEqualTo("+33655667788");
    }

    @Test
    void theReminderGoesAtItsTimeThenTheSecretaryNotesANoShowWhichTheNextCallShows() throws Exception {
        ConfirmedAppointment booked = ConfirmedAppointment.book(clients, runtime, book, mail);
        String caller = booked.appointment.caller().number();
        String line = booked.practice.phoneLines().get(0).number();
        assertThat(identification.identify(line, caller)).containsEntry("callerNoShows", 0);

        management.executeJob(timer(booked.processInstanceId).getId());
        Eventually.await("the reminder", () -> booked.callersMails(mail).size() == 2);
        assertThat(booked.callersMails(mail).get(1).subject()).startsWith("Rappel : rendez-vous le lundi");
        for (StoredMail confirmationThenReminder : booked.callersMails(mail)) {
            assertThat(TestMail.autoSubmitted(confirmationThenReminder)).as("no person sends it").isEqualTo("auto-generated");
        }

        Eventually.await("the end-of-appointment timer", () -> runtime.createProcessInstanceQuery()
                .processInstanceId(booked.processInstanceId).activityIdIn("AppointmentOver").count() == 1);
        management.executeJob(timer(booked.processInstanceId).getId());
        Task attendance = awaitTask(booked.processInstanceId, "MarkAttendance");
        assertThat(attendance.getName()).isEqualTo("Noter la venue — Mme Petit, " + AppointmentTexts.when(booked.practice, booked.appointment))
                .endsWith("à 10 h 00");
        tasks.complete(attendance.getId(), Map.of("attendance", "no-show"));

        Eventually.await("the process to end", () -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(booked.processInstanceId).finished().count() == 1);
        assertThat(book.find(booked.appointment.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.NO_SHOW);
        assertThat(identification.identify(line, caller)).containsEntry("callerNoShows", 1);
    }

    @Test
    void aSecretaryCancellingOnTheCallersBehalfTellsTheProcessSoTheCancellationGoesAndNoReminder() throws Exception {
        ConfirmedAppointment booked = ConfirmedAppointment.book(clients, runtime, book, mail);
        HttpRequest cancel = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/clients/" + booked.practice.id()
                        + "/appointments/" + booked.appointment.id() + "/cancel"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("nadia:" + TestOffice.DEMO_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build();

        HttpResponse<String> cancelled = HttpClient.newHttpClient().send(cancel, HttpResponse.BodyHandlers.ofString());

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(book.find(booked.appointment.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.CANCELLED);
        Eventually.await("the process to end cancelled", () -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(booked.processInstanceId).finished().count() == 1);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(booked.processInstanceId)
                .activityId("AppointmentCancelled").count()).isEqualTo(1);
        assertThat(booked.callersMails(mail)).hasSize(2).last().satisfies(mail -> assertThat(mail.subject()).startsWith("Rendez-vous annulé"));
        assertThat(TestMail.autoSubmitted(booked.callersMails(mail).get(1))).as("no person sends it").isEqualTo("auto-generated");
    }

    @Test
    void noReminderForAnAppointmentCancelledMeanwhile() {
        Client practice = Practice.create(clients);
        String callerEmail = "cancelled-" + practice.id() + "@example.fr";
        Appointment appointment = ((Booked) bookings.book(practice, new BookingRequest("consultation",
                Practice.nextMondayAt(11), "M. Parti", null, callerEmail))).appointment();
        bookings.cancel(practice, appointment.id());

        mails.sendReminder(appointment.id());

        assertThat(TestMail.to(mail, callerEmail)).isEmpty();
    }

    private Job timer(String instance) {
        Eventually.await("a timer", () -> management.createJobQuery().processInstanceId(instance).timers().count() == 1);
        return management.createJobQuery().processInstanceId(instance).timers().singleResult();
    }

    private Task awaitTask(String instance, String taskKey) {
        Eventually.await("task " + taskKey, () -> tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).count() == 1);
        return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).singleResult();
    }
}
