package org.permanence.appointments;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.camunda.bpm.engine.RuntimeService;
import org.permanence.Eventually;
import org.permanence.TestMail;
import org.permanence.clients.Client;
import org.permanence.clients.Clients;
import org.permanence.mail.MailFolder;
import org.permanence.mail.StoredMail;

/**
 * An appointment booked through the real process on the shared node, for a practice and a caller
 * of its own: the workers booked it and sent the confirmation, which the test reads from the
 * embedded mail server like the caller's mailbox.
 */
public final class ConfirmedAppointment {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/rdv/(confirm|cancel|reschedule)\\?t=\\S+");

    public final Client practice;
    public final String callerEmail;
    public final ZonedDateTime start;
    public final String processInstanceId;
    public final Appointment appointment;
    public final StoredMail confirmation;

    private ConfirmedAppointment(Client practice, String callerEmail, ZonedDateTime start, String processInstanceId,
                                 Appointment appointment, StoredMail confirmation) {
        this.practice = practice;
        this.callerEmail = callerEmail;
        this.start = start;
        this.processInstanceId = processInstanceId;
        this.appointment = appointment;
        this.confirmation = confirmation;
    }

    /** A consultation next Monday at 10:00 in Paris, requested as call-intake hands it over, confirmed by mail. */
    public static ConfirmedAppointment book(Clients clients, RuntimeService runtime, AppointmentBook book, MailFolder mail) {
        Client practice = Practice.create(clients);
        String callerEmail = "caller-" + practice.id() + "@example.fr";
        ZonedDateTime start = Practice.nextMondayAt(10).atZoneSameInstant(Practice.PARIS);
        String instance = runtime.startProcessInstanceByKey("appointment-confirmation", "call-" + practice.id(), Map.of(
                "clientId", practice.id(), "clientName", practice.name(), "callerName", "Mme Petit", "callerNumber", "06 12 34 56 78",
                "callerEmail", callerEmail, "appointmentType", "consultation", "slotStart", start.toLocalDateTime().toString())).getId();
        Eventually.await("the confirmation mail to " + callerEmail, () -> !TestMail.to(mail, callerEmail).isEmpty());
        awaitWaiting(runtime, instance);
        Appointment booked = book.ofProcess(instance).orElseThrow();
        return new ConfirmedAppointment(practice, callerEmail, start, instance, booked, TestMail.to(mail, callerEmail).get(0));
    }

    /**
     * The caller's answers are for a process waiting for the appointment, which it does a moment
     * after the confirmation went (an answer before that changes nothing and says to try again).
     */
    public static void awaitWaiting(RuntimeService runtime, String instance) {
        Eventually.await("the process to wait for the appointment", () -> runtime.createProcessInstanceQuery().processInstanceId(instance)
                .activityIdIn("ReminderDue", "AppointmentOver").count() == 1);
    }

    /** The link for this action in the confirmation mail's text. */
    public String link(String action) {
        return link(confirmation, action);
    }

    public static String link(StoredMail mail, String action) {
        Matcher links = LINK.matcher(mail.text());
        while (links.find()) {
            if (links.group(1).equals(action)) {
                return links.group();
            }
        }
        throw new AssertionError("No " + action + " link in: " + mail.text());
    }

    /** The mails the caller received so far, oldest first. */
    public List<StoredMail> callersMails(MailFolder mail) {
        return TestMail.to(mail, callerEmail);
    }

    public List<StoredMail> clientsMails(MailFolder mail) {
        return TestMail.to(mail, practice.contactRules().email());
    }

    /** The mail's .ics attachment, parsed by ical4j as a calendar would. */
    public static Calendar invitation(StoredMail mail) {
        try {
            String ics = new String(TestMail.attachment(mail, "rendez-vous.ics"), StandardCharsets.UTF_8);
            return new CalendarBuilder().build(new StringReader(ics));
        } catch (IOException | ParserException | MessagingException e) {
            throw new AssertionError("The invitation of " + mail.subject() + " does not parse", e);
        }
    }

    public static VEvent event(Calendar calendar) {
        return (VEvent) calendar.getComponents().stream().filter(VEvent.class::isInstance).findFirst()
                .orElseThrow(() -> new AssertionError("No VEVENT in " + calendar));
    }
}
