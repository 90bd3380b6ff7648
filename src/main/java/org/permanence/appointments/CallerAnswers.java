package org.permanence.appointments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.permanence.appointments.AppointmentLinks.Action;
import org.permanence.appointments.AppointmentLinks.Subject;
import org.permanence.appointments.BookingOutcome.SlotTaken;
import org.permanence.appointments.CallerAnswer.State;
import org.permanence.clients.Client;
import org.permanence.clients.ClientRepository;
import org.permanence.links.LinkCheck;
import org.permanence.links.SignedLinks;
import org.permanence.system.EngineNode;
import org.permanence.system.InvalidRequest;
import org.permanence.system.PlainText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a caller does with the links of a confirmation mail. {@link #look} only reads (mail scanners
 * open links as well); {@link #answer} spends the link, changes the appointment and tells its process
 * in one transaction: whatever refuses (a used link, a slot just taken, a process that does not wait)
 * rolls everything back, so a refused answer changes nothing.
 */
@Service
@EngineNode
public class CallerAnswers {

    private static final Logger log = LoggerFactory.getLogger(CallerAnswers.class);

    private final SignedLinks links;
    private final AppointmentBook book;
    private final Bookings bookings;
    private final ClientRepository clients;
    private final CallerReplies replies;
    private final AppointmentProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    @Autowired
    CallerAnswers(SignedLinks links, AppointmentBook book, Bookings bookings, ClientRepository clients, CallerReplies replies,
                  AppointmentProperties properties, PlatformTransactionManager transactions) {
        this(links, book, bookings, clients, replies, properties, transactions, Clock.systemUTC());
    }

    CallerAnswers(SignedLinks links, AppointmentBook book, Bookings bookings, ClientRepository clients, CallerReplies replies,
                  AppointmentProperties properties, PlatformTransactionManager transactions, Clock clock) {
        this.links = links;
        this.book = book;
        this.bookings = bookings;
        this.clients = clients;
        this.replies = replies;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The page before the caller acts: the appointment, and for a reschedule the free slots. */
    public CallerAnswer look(String token, Action action) {
        CallerAnswer page = page(links.check(token, action.signed()));
        if (page.state() != State.READY || action != Action.RESCHEDULE) {
            return page;
        }
        return new CallerAnswer(State.READY, page.appointment(), page.client(), page.typeName(), freeSlots(page.client(), page.appointment()));
    }

    /** Confirms, cancels, or moves the appointment to {@code newStart} (reschedule only). */
    public CallerAnswer answer(String token, Action action, Instant newStart) {
        try {
            CallerAnswer answer = transaction.execute(status -> {
                CallerAnswer page = page(links.use(token, action.signed()));
                if (page.state() == State.READY) {
                    page = act(page, action, newStart);
                }
                if (page.state().changedNothing()) {
                    status.setRollbackOnly();
                }
                return page;
            });
            // the link was not spent: the caller picks another of the slots still free
            boolean pickAgain = answer.state() == State.SLOT_TAKEN || answer.state() == State.SLOT_REFUSED;
            return pickAgain ? look(token, action).as(answer.state()) : answer;
        } catch (InvalidRequest refused) {
            log.info("Caller's new time {} refused: {}", PlainText.forLog(newStart), PlainText.forLog(refused.problems()));
            return look(token, action).as(State.SLOT_REFUSED);
        } catch (CallerReplies.NotWaiting notWaiting) {
            log.warn("Caller's {} not taken, nothing changed: {}", action, notWaiting.getMessage());
            return CallerAnswer.refused(State.NOT_NOW);
        }
    }

    private CallerAnswer act(CallerAnswer page, Action action, Instant newStart) {
        Appointment appointment = page.appointment();
        switch (action) {
            case CONFIRM -> {
                book.confirm(appointment.id(), clock.instant());
                replies.confirmed(appointment);
            }
            case CANCEL -> {
                book.cancel(appointment.clientId(), appointment.id(), clock.instant());
                replies.cancelled(appointment);
            }
            case RESCHEDULE -> {
                if (newStart == null) {
                    return page.as(State.SLOT_REFUSED);
                }
                if (bookings.reschedule(page.client(), appointment.id(), newStart) instanceof SlotTaken) {
                    return page.as(State.SLOT_TAKEN);
                }
                replies.rescheduled(appointment);
            }
        }
        Appointment now = book.find(appointment.id()).orElseThrow();
        log.info("Caller's {} done for appointment {} (client {})", action, appointment.id(), appointment.clientId());
        return new CallerAnswer(State.DONE, now, page.client(), page.typeName(), List.of(),
                action == Action.RESCHEDULE ? appointment.start() : null);
    }

    /** The page for a link as checked: refused, or READY with its appointment when that is still booked as the link knew it. */
    private CallerAnswer page(LinkCheck check) {
        if (!check.valid()) {
            return CallerAnswer.refused(State.valueOf(check.outcome().name()));
        }
        Optional<Subject> subject = Subject.of(check.subject());
        Optional<Appointment> appointment = subject.flatMap(named -> book.find(named.appointmentId()));
        Optional<Client> client = appointment.flatMap(found -> clients.findById(found.clientId()));
        if (client.isEmpty()) {
            return CallerAnswer.refused(State.NOT_BOOKED);
        }
        Appointment found = appointment.get();
        CallerAnswer page = new CallerAnswer(State.READY, found, client.get(), AppointmentMails.typeName(client.get(), found), List.of());
        if (found.status() != AppointmentStatus.BOOKED || !found.start().isAfter(clock.instant())) {
            return page.as(State.NOT_BOOKED);
        }
        return found.sequence() == subject.get().sequence() ? page : page.as(State.OUTDATED);
    }

    private List<Slot> freeSlots(Client client, Appointment appointment) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(client.timeZone())));
        return bookings.freeSlots(client, appointment.type(), today, today.plusDays(properties.pickDays() - 1)).slots();
    }
}
