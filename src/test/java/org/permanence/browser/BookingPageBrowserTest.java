package org.permanence.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;

import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.permanence.Eventually;
import org.permanence.OfficeIntegrationTest;
import org.permanence.TestMail;
import org.permanence.appointments.ConfirmedAppointment;
import org.permanence.appointments.Practice;
import org.permanence.booking.BookingPageProperties;
import org.permanence.booking.OpenBookingPage;
import org.permanence.clients.Clients;
import org.permanence.mail.MailFolder;
import org.permanence.mail.StoredMail;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A caller books on a client's booking page in a real headless Chromium, on a phone and on a desktop
 * (one browser for both), and receives the office's confirmation with a calendar invitation that
 * parses. The browser asks for English, so the page answers in English. Screenshots:
 * {@code target/screenshots/booking-*.png}.
 */
@Tag("browser")
@OfficeIntegrationTest
class BookingPageBrowserTest {

    @RegisterExtension
    static final HeadlessChromium browser = new HeadlessChromium();

    @Autowired
    Clients clients;
    @Autowired
    MailFolder mail;
    @Autowired
    BookingPageProperties properties;

    @Test
    void onAPhoneTheCallerPicksASlotGivesHerDetailsAndGetsTheConfirmationWithItsInvitation() throws Exception {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        OpenBookingPage page = OpenBookingPage.of(clients);

        StoredMail confirmation = book(page, Practice.nextMondayAt(10), "booking-phone");

        VEvent event = ConfirmedAppointment.event(ConfirmedAppointment.invitation(confirmation));
        // the client's wall-clock time with its zone, which the file's VTIMEZONE defines
        assertThat(Instant.from(event.getDateTimeStart().getDate())).isEqualTo(Practice.nextMondayAt(10).toInstant());
        assertThat(event.getSummary().getValue()).contains("Consultation");
        assertThat(confirmation.text()).contains("/rdv/confirm?t=", "/rdv/cancel?t=", "/rdv/reschedule?t=");
    }

    @Test
    void onADesktopTheSameBookingWorks() throws Exception {
        browser.driver().manage().window().setSize(new Dimension(1440, 1000));
        OpenBookingPage page = OpenBookingPage.of(clients);

        StoredMail confirmation = book(page, Practice.nextMondayAt(14), "booking-desktop");

        assertThat(ConfirmedAppointment.event(ConfirmedAppointment.invitation(confirmation)).getUid()).isPresent();
    }

    /** Opens the page, picks the slot, types her details and sends them; the confirmation mail she receives. */
    private StoredMail book(OpenBookingPage page, OffsetDateTime slot, String screenshots) {
        String email = "caller-" + page.practice.id() + "@example.fr";
        browser.driver().get(page.url());
        Instant shown = Instant.now();
        browser.waitUntil("the booking page", driver -> driver.findElement(By.tagName("h1")).getText()
                .equals("Book an appointment with " + page.practice.name()));
        // every field has its label, the slots are grouped by day with the day as their legend
        for (String field : new String[] {"name", "phone", "email"}) {
            assertThat(browser.driver().findElement(By.cssSelector("label[for=" + field + "]")).getText()).isNotBlank();
        }
        assertThat(browser.driver().findElement(By.cssSelector("fieldset.day legend")).getText()).isNotBlank();
        WebElement trap = browser.driver().findElement(By.id("website"));
        assertThat(trap.getAttribute("tabindex")).isEqualTo("-1");

        browser.click(By.cssSelector("input[name=slot][value='" + slot.toInstant() + "']"), "the slot " + slot);
        browser.driver().findElement(By.id("name")).sendKeys("Mme Petit");
        browser.driver().findElement(By.id("phone")).sendKeys("06 12 34 56 78");
        browser.driver().findElement(By.id("email")).sendKeys(email);
        browser.screenshot(screenshots + "-filled");
        // a person takes this long at least; the page refuses a form sent sooner (the robots' way). Its stamp keeps
        // whole seconds, rounded up: the page may count the form as shown up to a second after it was
        Instant filled = shown.plus(properties.minFillTime()).plusSeconds(1);
        browser.waitUntil("the minimum fill time", driver -> Instant.now().isAfter(filled));
        browser.click(By.id("book"), "Book this appointment");

        browser.waitUntil("the booking", driver -> driver.findElement(By.id("outcome")).getText().startsWith("Your appointment is booked"));
        assertThat(browser.driver().findElement(By.id("outcome")).getAttribute("role")).isEqualTo("status");
        assertThat(browser.driver().findElement(By.id("mail-sent")).getText()).contains(email);
        browser.screenshot(screenshots + "-booked");
        Eventually.await("the confirmation to " + email, () -> !TestMail.to(mail, email).isEmpty());
        return TestMail.to(mail, email).get(0);
    }
}
