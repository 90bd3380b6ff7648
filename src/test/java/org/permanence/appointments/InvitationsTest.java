package org.permanence.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.Test;
import org.permanence.Eventually;
import org.permanence.OfficeIntegrationTest;
import org.permanence.TestMail;
import org.permanence.TestOffice;
import org.permanence.appointments.IcsLines.Line;
import org.permanence.clients.Client;
import org.permanence.clients.Clients;
import org.permanence.mail.MailFolder;
import org.permanence.mail.MailProperties;
import org.permanence.mail.StoredMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The invitations as the caller's and the doctor's calendars receive them, read from the embedded
 * mail server and checked line by line against RFC 5545/5546 without ical4j (which writes them):
 * an organizer and the reader as attendee on every copy, the doctor's copy titled and described so
 * that one appointment can be told from another, local times with their VTIMEZONE, the invitation
 * inline as well as attached, a cancellation that replaces the same event.
 */
@OfficeIntegrationTest
class InvitationsTest {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final String EVENT = "VCALENDAR/VEVENT";
    /** What a secretary may note: characters that mean something in iCalendar's text and parameters. */
    private static final String REASON = "Douleur au genou; depuis lundi, avec fièvre: \"urgent\"";

    @Autowired
    Clients clients;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    TaskService tasks;
    @Autowired
    AppointmentBook book;
    @Autowired
    MailFolder mail;
    @Autowired
    MailProperties mailProperties;
    @Value("${server.port}")
    int port;

    @Test
    void aBookingWithoutTheCallersAddressStillNamesOrganizerAndAttendeeAndTellsTheDoctorWhoAndWhy() throws Exception {
        Client practice = Practice.create(clients);
        ZonedDateTime start = Practice.nextMondayAt(11).atZoneSameInstant(Practice.PARIS);
        runtime.startProcessInstanceByKey("appointment-confirmation", "call-" + practice.id(), Map.of("clientId", practice.id(),
                "clientName", practice.name(), "callerName", "Jeanne Dupont", "callerNumber", "06 12 34 56 78",
                "appointmentType", "consultation", "slotStart", start.toLocalDateTime().toString(), "reason", REASON, "handledBy", "nadia"));
        String clientsAddress = practice.contactRules().email();
        Eventually.await("the client's invitation", () -> !TestMail.to(mail, clientsAddress).isEmpty());
        StoredMail toTheClient = TestMail.to(mail, clientsAddress).get(0);

        IcsLines ics = IcsLines.read(attached(toTheClient));

        assertThat(ics.one("VCALENDAR", "METHOD").value()).isEqualTo("REQUEST");
        assertOrganizer(ics, practice);
        assertThat(ics.all(EVENT, "ATTENDEE")).as("the client, the only one with an address").singleElement().satisfies(attendee -> {
            assertThat(attendee.value()).isEqualToIgnoringCase("mailto:" + clientsAddress);
            assertThat(attendee.parameter("CN")).hasValue(practice.name());
            assertThat(attendee.parameter("PARTSTAT")).hasValue("ACCEPTED");
            assertThat(attendee.parameter("ROLE")).hasValue("CHAIR");
            assertThat(attendee.parameter("RSVP")).hasValue("FALSE");
        });
        assertLocalTimes(ics, start);
        assertThat(ics.event("SUMMARY").text()).isEqualTo("Consultation — Jeanne Dupont");
        assertThat(ics.event("DESCRIPTION").text()).contains("Jeanne Dupont", "+33612345678", REASON, "nadia");
        assertInline(toTheClient, "REQUEST");
        assertThat(TestMail.autoSubmitted(toTheClient)).as("no person sends it").isEqualTo("auto-generated");
    }

    @Test
    void eachCopyNamesItsReaderAndTheCancellationReplacesTheSameEventWithAHigherSequence() throws Exception {
        ConfirmedAppointment booked = ConfirmedAppointment.book(clients, runtime, book, mail);
        String clientsAddress = booked.practice.contactRules().email();
        Eventually.await("the client's invitation", () -> !booked.clientsMails(mail).isEmpty());

        IcsLines callers = IcsLines.read(attached(booked.confirmation));
        IcsLines clients = IcsLines.read(attached(booked.clientsMails(mail).get(0)));

        assertOrganizer(callers, booked.practice);
        assertThat(callers.all(EVENT, "ATTENDEE")).as("the caller on the caller's copy").singleElement().satisfies(attendee -> {
            assertThat(attendee.value()).isEqualToIgnoringCase("mailto:" + booked.callerEmail);
            assertThat(attendee.parameter("CN")).hasValue("Mme Petit");
            assertThat(attendee.parameter("PARTSTAT")).hasValue("ACCEPTED");
            assertThat(attendee.parameter("ROLE")).hasValue("REQ-PARTICIPANT");
            assertThat(attendee.parameter("RSVP")).hasValue("FALSE");
        });
        assertLocalTimes(callers, booked.start);
        assertThat(callers.event("SUMMARY").text()).isEqualTo("Consultation — " + booked.practice.name());
        assertInline(booked.confirmation, "REQUEST");
        assertOrganizer(clients, booked.practice);
        assertThat(clients.all(EVENT, "ATTENDEE").stream().map(attendee -> attendee.value().toLowerCase()))
                .containsExactlyInAnyOrder("mailto:" + clientsAddress, "mailto:" + booked.callerEmail);
        assertThat(clients.event("SUMMARY").text()).isEqualTo("Consultation — Mme Petit");
        assertThat(clients.event("DESCRIPTION").text()).contains("+33612345678", booked.callerEmail);

        HttpResponse<String> cancelled = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/clients/" + booked.practice.id() + "/appointments/" + booked.appointment.id() + "/cancel"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("nadia:" + TestOffice.DEMO_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cancelled.statusCode()).isEqualTo(200);
        Eventually.await("both cancellations", () -> booked.callersMails(mail).size() == 2 && booked.clientsMails(mail).size() == 2);

        for (StoredMail cancellation : new StoredMail[] {booked.callersMails(mail).get(1), booked.clientsMails(mail).get(1)}) {
            IcsLines cancel = IcsLines.read(attached(cancellation));
            assertThat(cancel.one("VCALENDAR", "METHOD").value()).isEqualTo("CANCEL");
            assertThat(cancel.event("UID").value()).isEqualTo(callers.event("UID").value());
            assertThat(Integer.parseInt(cancel.event("SEQUENCE").value())).isGreaterThan(Integer.parseInt(callers.event("SEQUENCE").value()));
            assertThat(cancel.event("STATUS").value()).isEqualTo("CANCELLED");
            assertOrganizer(cancel, booked.practice);
            assertThat(cancel.all(EVENT, "ATTENDEE")).isNotEmpty();
            assertLocalTimes(cancel, booked.start);
            assertInline(cancellation, "CANCEL");
        }
    }

    @Test
    void theSecretaryWhoPickedTheSlotIsTheOneTheClientsEntryNames() throws Exception {
        Client practice = Practice.create(clients);
        ZonedDateTime start = Practice.nextMondayAt(14).atZoneSameInstant(Practice.PARIS);
        String instance = runtime.startProcessInstanceByKey("appointment-confirmation", Map.of("clientId", practice.id(),
                "clientName", practice.name(), "callerName", "Paul Martin", "callerNumber", "06 98 76 54 32",
                "appointmentType", "consultation", "handledBy", "nadia")).getId();
        Eventually.await("the pick-a-slot task", () -> tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("PickSlot")
                .count() == 1);
        Task pick = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("PickSlot").singleResult();
        tasks.setAssignee(pick.getId(), "sophie");

        tasks.complete(pick.getId(), Map.of("slotStart", start.toLocalDateTime().toString()));

        String clientsAddress = practice.contactRules().email();
        Eventually.await("the client's invitation", () -> !TestMail.to(mail, clientsAddress).isEmpty());
        String description = IcsLines.read(attached(TestMail.to(mail, clientsAddress).get(0))).event("DESCRIPTION").text();
        assertThat(description).contains("Paul Martin", "+33698765432", "sophie").doesNotContain("nadia");
    }

    @Test
    void callIntakeHandsTheReasonAndWhoHandledTheCallToTheAppointment() {
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey("call-intake").latestVersion()
                .withoutTenantId().singleResult().getId();
        CallActivity confirm = repository.getBpmnModelInstance(definition).getModelElementById("ConfirmAppointment");

        assertThat(confirm.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list().stream()
                .map(CamundaIn::getCamundaSource)).contains("reason", "handledBy", "bookedBy", "callerName", "callerNumber");
    }

    private void assertOrganizer(IcsLines ics, Client practice) {
        Line organizer = ics.event("ORGANIZER");
        assertThat(organizer.value()).isEqualToIgnoringCase("mailto:" + mailProperties.from());
        assertThat(organizer.parameter("CN")).hasValueSatisfying(name -> assertThat(name).contains(practice.name()));
    }

    /** DTSTART and DTEND are the client's wall-clock times with its zone, which a VTIMEZONE of the same file defines. */
    private static void assertLocalTimes(IcsLines ics, ZonedDateTime start) {
        Line dtStart = ics.event("DTSTART");
        assertThat(dtStart.parameter("TZID")).hasValue("Europe/Paris");
        assertThat(dtStart.value()).isEqualTo(LOCAL.format(start.withZoneSameInstant(Practice.PARIS)));
        assertThat(ics.event("DTEND").parameter("TZID")).hasValue("Europe/Paris");
        assertThat(ics.all("VCALENDAR/VTIMEZONE", "TZID").stream().map(Line::value)).containsExactly("Europe/Paris");
        assertThat(ics.all("VCALENDAR/VTIMEZONE/STANDARD", "TZOFFSETTO")).isNotEmpty();
        assertThat(ics.event("DTSTAMP").value()).endsWith("Z");
    }

    /** The invitation is also an alternative of the text, with its method in its content type, the same as attached. */
    private static void assertInline(StoredMail mail, String method) throws MessagingException, IOException {
        Part calendar = inlineCalendar(mail.message(), false)
                .orElseThrow(() -> new AssertionError("No text/calendar alternative in " + mail.subject()));
        assertThat(calendar.getContentType().replace(" ", "").toLowerCase()).contains("method=" + method.toLowerCase(), "charset=utf-8");
        assertThat(new String(calendar.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(attached(mail));
    }

    private static Optional<Part> inlineCalendar(Part part, boolean inAlternative) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            boolean alternative = part.isMimeType("multipart/alternative");
            if (alternative) {
                assertThat(parts.getBodyPart(0).isMimeType("text/plain")).as("the text comes first").isTrue();
            }
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart child = parts.getBodyPart(i);
                Optional<Part> found = inlineCalendar(child, alternative);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        return inAlternative && part.isMimeType("text/calendar") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                ? Optional.of(part) : Optional.empty();
    }

    private static String attached(StoredMail mail) throws MessagingException, IOException {
        return new String(TestMail.attachment(mail, CalendarInvitation.FILE_NAME), StandardCharsets.UTF_8);
    }
}
