package org.permanence.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.permanence.Eventually;
import org.permanence.OfficeIntegrationTest;
import org.permanence.appointments.AppointmentBook;
import org.permanence.appointments.AppointmentStatus;
import org.permanence.appointments.Bookings;
import org.permanence.appointments.ConfirmedAppointment;
import org.permanence.appointments.Slot;
import org.permanence.clients.Clients;
import org.permanence.mail.MailFolder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The caller on a phone-sized headless Chromium, opening the links of the confirmation mail the
 * office really sent: she cancels, and the slot is free again; another moves her appointment.
 * The browser asks for English (HeadlessChromium's --lang), so the pages answer in English.
 * Screenshots: {@code target/screenshots/caller-*.png}.
 */
@Tag("browser")
@OfficeIntegrationTest
class CallerPagesBrowserTest {

    @RegisterExtension
    static final HeadlessChromium browser = new HeadlessChromium();

    @Autowired
    Clients clients;
    @Autowired
    RuntimeService runtime;
    @Autowired
    AppointmentBook book;
    @Autowired
    Bookings bookings;
    @Autowired
    MailFolder mail;

    @BeforeEach
    void onAPhone() {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
    }

    @Test
    void theCallerOpensTheCancelLinkOfHerMailConfirmsAndTheSlotIsFreeAgain() {
        ConfirmedAppointment booked = ConfirmedAppointment.book(clients, runtime, book, mail);
        assertThat(freeStarts(booked)).doesNotContain(booked.start.toInstant());

        browser.driver().get(booked.link("cancel"));
        browser.waitUntil("the cancel page", page -> page.findElement(By.tagName("h1")).getText().equals("Cancel your appointment"));
        assertThat(browser.driver().findElement(By.id("when")).getText()).startsWith("Monday").endsWith("at 10:00");
        browser.screenshot("caller-cancel-asked");
        browser.click(By.id("go"), "Cancel the appointment");

        browser.waitUntil("the cancellation", page -> page.findElement(By.id("outcome")).getText()
                .equals("Your appointment is cancelled. The slot is free again."));
        browser.screenshot("caller-cancel-done");
        assertThat(book.find(booked.appointment.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(freeStarts(booked)).contains(booked.start.toInstant());

        // the same link from the mail again: a clear page, no button
        browser.driver().get(booked.link("cancel"));
        browser.waitUntil("the refusal", page -> page.findElement(By.id("outcome")).getText().startsWith("This link has already been used"));
        assertThat(browser.driver().findElements(By.id("go"))).isEmpty();
    }

    @Test
    void theCallerPicksAnotherTimeOnTheReschedulePageOfHerMail() {
        ConfirmedAppointment booked = ConfirmedAppointment.book(clients, runtime, book, mail);
        Instant later = booked.start.plusHours(4).toInstant();

        browser.driver().get(booked.link("reschedule"));
        browser.click(By.cssSelector("input[name=slot][value='" + later + "']"), "the 14:00 slot");
        browser.screenshot("caller-reschedule-picked");
        browser.click(By.id("go"), "Choose this time");

        browser.waitUntil("the move", page -> page.findElement(By.id("outcome")).getText().startsWith("Your appointment on"));
        assertThat(browser.driver().findElement(By.id("outcome")).getText()).contains("at 10:00 is moved to", "at 14:00");
        assertThat(book.find(booked.appointment.id()).orElseThrow().start()).isEqualTo(later);
        Eventually.await("the new confirmation", () -> booked.callersMails(mail).size() == 2);
    }

    private List<Instant> freeStarts(ConfirmedAppointment booked) {
        LocalDate day = booked.start.toLocalDate();
        return bookings.freeSlots(booked.practice, "consultation", day, day).slots().stream().map(Slot::start).toList();
    }
}
