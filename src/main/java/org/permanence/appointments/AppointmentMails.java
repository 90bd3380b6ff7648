package org.permanence.appointments;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.permanence.appointments.AppointmentLinks.Action;
import org.permanence.appointments.AppointmentTexts.Wording;
import org.permanence.appointments.CalendarInvitation.Copy;
import org.permanence.appointments.CalendarInvitation.Kind;
import org.permanence.clients.Client;
import org.permanence.clients.Client.AppointmentType;
import org.permanence.clients.ClientRepository;
import org.permanence.mail.ClientMail;
import org.permanence.mail.ClientMail.Attachment;
import org.permanence.mail.ClientMail.InlineCalendar;
import org.permanence.mail.MailProperties;
import org.permanence.notifications.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The mails of an appointment: confirmation (caller, with the invitation and the links; the client
 * gets the same event) or, once moved, the same saying from when to when, reminder, cancellation. Each goes once per appointment version (SEQUENCE)
 * however often its step is retried ({@link Notifications#sendOnce}). A caller who gave no e-mail
 * address gets none; the client always does.
 */
@Service
public class AppointmentMails {

    private static final Logger log = LoggerFactory.getLogger(AppointmentMails.class);

    /** The process variable with the start before the latest move (a Date), set with the caller's reschedule. */
    public static final String MOVED_FROM = "movedFrom";

    private final AppointmentBook book;
    private final ClientRepository clients;
    private final Notifications notifications;
    private final AppointmentTexts texts;
    private final AppointmentLinks links;
    private final AppointmentProperties properties;
    private final String organizer;
    private final Clock clock;

    @Autowired
    AppointmentMails(AppointmentBook book, ClientRepository clients, Notifications notifications, AppointmentTexts texts,
                     AppointmentLinks links, AppointmentProperties properties, MailProperties mail) {
        this(book, clients, notifications, texts, links, properties, mail, Clock.systemUTC());
    }

    AppointmentMails(AppointmentBook book, ClientRepository clients, Notifications notifications, AppointmentTexts texts,
                     AppointmentLinks links, AppointmentProperties properties, MailProperties mail, Clock clock) {
        this.book = book;
        this.clients = clients;
        this.notifications = notifications;
        this.texts = texts;
        this.links = links;
        this.properties = properties;
        this.organizer = mail.from();
        this.clock = clock;
    }

    /**
     * Sends the confirmation of the appointment as it is now, and answers the times the process waits
     * for: {@code reminderAt} (and {@code reminderWanted}: false when that time has already passed),
     * {@code appointmentEnd}, and {@code appointmentWhen} to show in tasks. The notes of the call go
     * into the client's calendar entry. {@code movedFrom} is the start before the caller moved it (null
     * for a new appointment): both mails then say it moved, naming the old and the new time.
     */
    public Map<String, Object> sendConfirmation(String appointmentId, BookingNotes notes, Instant movedFrom) {
        Appointment appointment = appointment(appointmentId);
        Client client = client(appointment);
        String typeName = typeName(client, appointment);
        if (appointment.caller().email() != null) {
            Map<String, Object> urls = Map.of("confirmUrl", links.url(appointment, Action.CONFIRM),
                    "cancelUrl", links.url(appointment, Action.CANCEL), "rescheduleUrl", links.url(appointment, Action.RESCHEDULE));
            send(appointment, "confirmation", appointment.caller().email(), texts.write("confirmation", client, appointment, movedFrom, typeName, urls),
                    invitation(Kind.REQUEST, Copy.CALLER, appointment, client, typeName, notes), Kind.REQUEST);
        }
        send(appointment, "client-event", client.contactRules().email(),
                texts.write("client-event", client, appointment, movedFrom, typeName, Map.of("cancelled", false)),
                invitation(Kind.REQUEST, Copy.CLIENT, appointment, client, typeName, notes), Kind.REQUEST);
        Instant reminderAt = appointment.start().minus(properties.reminderBefore(client.id()));
        Map<String, Object> times = new LinkedHashMap<>();
        times.put("reminderAt", Date.from(reminderAt));
        times.put("reminderWanted", appointment.caller().email() != null && reminderAt.isAfter(clock.instant()));
        times.put("appointmentEnd", Date.from(appointment.end()));
        times.put("appointmentWhen", AppointmentTexts.when(client, appointment));
        return times;
    }

    /** The reminder; none for an appointment that is no longer booked (cancelled in the meantime). */
    public void sendReminder(String appointmentId) {
        Appointment appointment = appointment(appointmentId);
        if (appointment.status() != AppointmentStatus.BOOKED || appointment.caller().email() == null) {
            log.info("No reminder for appointment {}: it is {}", appointmentId, appointment.status());
            return;
        }
        Client client = client(appointment);
        Wording wording = texts.write("reminder", client, appointment, typeName(client, appointment), Map.of());
        notifications.sendOnce(key(appointment, "reminder"), new ClientMail(client.id(), appointment.caller().email(), wording.subject(),
                wording.text()));
    }

    /** The cancellation, to the caller and to the client, each with the invitation that takes the event out. */
    public void sendCancellation(String appointmentId, BookingNotes notes) {
        Appointment appointment = appointment(appointmentId);
        Client client = client(appointment);
        String typeName = typeName(client, appointment);
        if (appointment.caller().email() != null) {
            send(appointment, "cancellation", appointment.caller().email(), texts.write("cancellation", client, appointment, typeName, Map.of()),
                    invitation(Kind.CANCEL, Copy.CALLER, appointment, client, typeName, notes), Kind.CANCEL);
        }
        send(appointment, "client-event", client.contactRules().email(),
                texts.write("client-event", client, appointment, typeName, Map.of("cancelled", true)),
                invitation(Kind.CANCEL, Copy.CLIENT, appointment, client, typeName, notes), Kind.CANCEL);
    }

    private byte[] invitation(Kind kind, Copy copy, Appointment appointment, Client client, String typeName, BookingNotes notes) {
        return CalendarInvitation.of(kind, copy, appointment, client, typeName, notes, organizer, clock.instant());
    }

    private void send(Appointment appointment, String what, String to, Wording wording, byte[] invitation, Kind kind) {
        // inline for the calendar clients that read it there (Outlook), attached for those that offer the file
        ClientMail mail = new ClientMail(appointment.clientId(), to, wording.subject(), wording.text(), null,
                List.of(new Attachment(CalendarInvitation.FILE_NAME, CalendarInvitation.contentType(kind), invitation)))
                .withCalendar(new InlineCalendar(kind.name(), invitation));
        notifications.sendOnce(key(appointment, what), mail);
    }

    /** One mail per appointment version and purpose: a retried step never sends it twice. */
    private static String key(Appointment appointment, String what) {
        return "appointment:" + appointment.id() + ":" + appointment.sequence() + ":" + what;
    }

    private Appointment appointment(String appointmentId) {
        return book.find(appointmentId).orElseThrow(() -> new IllegalStateException("No appointment '" + appointmentId + "'"));
    }

    private Client client(Appointment appointment) {
        return clients.findById(appointment.clientId())
                .orElseThrow(() -> new IllegalStateException("No client '" + appointment.clientId() + "' for appointment " + appointment.id()));
    }

    static String typeName(Client client, Appointment appointment) {
        return client.appointmentTypes().stream().filter(type -> type.code().equals(appointment.type())).map(AppointmentType::name)
                .findFirst().orElse(appointment.type());
    }
}
