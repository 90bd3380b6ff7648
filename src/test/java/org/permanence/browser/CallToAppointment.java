package org.permanence.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.openqa.selenium.By;
import org.permanence.TestMail;
import org.permanence.mail.MailFolder;
import org.permanence.mail.StoredMail;
import org.permanence.system.SpokenDates;

/**
 * The whole way from a call to a booked appointment, as claire walks it in Tasklist, whatever her browser's
 * language: she handles a call for her doctor and picks "Prise de rendez-vous" from the list; in "Prendre le
 * rendez-vous" she picks the type from its list, gives the caller's e-mail and types a slot a week past, which
 * the office refuses, in its French, with "Choisir un créneau" left to her; there she picks a free slot from the
 * list, and the caller's confirmation names that day. The French and the English browser tests walk it, each
 * checking Tasklist's own words on every screen ({@code chrome}, given the page's text).
 */
final class CallToAppointment {

    // the demo office: only claire serves the GP practice, so its calls and their follow-ups are hers
    private static final String DOCTOR_LINE = "+33 1 45 67 89 10";
    private static final String DOCTOR = "Cabinet du Dr Martin";
    private static final ZoneId DOCTORS_CLOCK = ZoneId.of("Europe/Paris");
    /** What she types: day first, as the form asks (jj/mm/aaaa hh:mm). */
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    /** How pick-slot.form names a slot: "jeudi 4 janvier 2027 — 10 h 00", the day and month in lower case. */
    private static final String FRENCH_SLOT = "(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) (1er|\\d{1,2}) \\p{Ll}+ \\d{4} — \\d{1,2} h \\d{2}";

    private final HeadlessChromium browser;
    private final Tasklist tasklist;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final MailFolder mailFolder;

    CallToAppointment(HeadlessChromium browser, Tasklist tasklist, RuntimeService runtime, TaskService tasks, MailFolder mailFolder) {
        this.browser = browser;
        this.tasklist = tasklist;
        this.runtime = runtime;
        this.tasks = tasks;
        this.mailFolder = mailFolder;
    }

    /** Walks it, claire signed in, to the caller's confirmation; screenshots are named {@code <name>-1-call} and so on. */
    StoredMail walk(String name, Consumer<String> chrome) {
        String digits = String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
        String callerEmail = "appelant-" + digits + "@example.fr";
        String call = runtime.startProcessInstanceByKey("call-intake",
                Map.of("dialledNumber", DOCTOR_LINE, "callerNumber", "07" + digits)).getId();

        Task handle = await("the call to handle", () -> task(call, "HandleCall"));
        assertThat(handle.getAssignee()).isEqualTo("claire");
        tasklist.reload();
        tasklist.open(handle.getId());
        tasklist.fill("CallerName", "M. Girard");
        tasklist.fill("Reason", "Un contrôle la semaine prochaine (" + digits + ")");
        tasklist.choose("Category", "Prise de rendez-vous");
        tasklist.check("Mood", "Calme");
        screen(name + "-1-call", chrome);
        tasklist.complete(handle.getId());

        Task take = await("the appointment to take", () -> task(call, "TakeAppointment"));
        assertThat(take.getAssignee()).as("the call's follow-up, to whoever took it").isEqualTo("claire");
        tasklist.reload();
        assertThat(tasklist.listedTaskIds()).contains(take.getId());
        tasklist.open(take.getId());
        List<String> types = tasklist.optionsOf("AppointmentType");
        assertThat(types).isNotEmpty();
        tasklist.choose("AppointmentType", types.get(0));
        tasklist.fill("CallerEmail", callerEmail);
        // agreed on the phone, mistyped: a week ago, which no rule of the office lets anyone book
        LocalDateTime past = LocalDate.now(DOCTORS_CLOCK).minusDays(7).atTime(LocalTime.of(10, 0));
        tasklist.fill("SlotStart", TYPED.format(past));
        screen(name + "-2-appointment", chrome);
        tasklist.complete(take.getId());

        Task pick = await("the slot to pick again", () -> runtime.createProcessInstanceQuery().superProcessInstanceId(call).list().stream()
                .map(appointment -> task(appointment.getId(), "PickSlot")).filter(task -> task != null).findFirst().orElse(null));
        assertThat(pick.getAssignee()).as("the refused slot's task, back to who took the appointment").isEqualTo("claire");
        tasklist.reload();
        assertThat(tasklist.listedTaskIds()).contains(pick.getId());
        // the refusal heads the form, in the office's French (the caller's and the client's language) whatever the browser's
        String refusal = tasklist.open(pick.getId()).briefing();
        assertThat(refusal).startsWith("⚠ Le créneau du " + SpokenDates.at(past, "fr") + " ne peut pas être réservé : c’est trop tôt : ")
                .contains(" minutes à l’avance").doesNotContain("too soon", "must", "minutes ahead");
        assertThat(tasklist.claim()).as("hers already, the form open to her").isEqualTo("Claire Moreau");
        screen(name + "-3-refused", chrome);
        List<String> slots = tasklist.optionsOf("SlotStart");
        assertThat(slots).isNotEmpty().allSatisfy(slot -> assertThat(slot).matches(FRENCH_SLOT));
        // one of many, not the first: other tests book the doctor's first free slots
        String slot = slots.get(Math.floorMod(digits.hashCode(), slots.size()));
        tasklist.choose("SlotStart", slot);
        screen(name + "-4-slot", chrome);
        tasklist.complete(pick.getId());

        StoredMail confirmation = await("the caller's confirmation", () -> TestMail.to(mailFolder, callerEmail).stream().findFirst())
                .orElseThrow();
        // the list's "jeudi 4 janvier 2027 — 10 h 00" is the mail's "jeudi 4 janvier 2027 à 10 h 00"
        String when = slot.replace(" — ", " à ");
        assertThat(confirmation.subject()).isEqualTo("Votre rendez-vous du " + when + " — " + DOCTOR);
        assertThat(confirmation.text()).contains("Bonjour M. Girard", "est réservé le " + when + ".");
        return confirmation;
    }

    /** Saves the screen and hands its text to the language's checks. */
    private void screen(String name, Consumer<String> chrome) {
        browser.screenshot(name);
        chrome.accept(browser.driver().findElement(By.tagName("body")).getText());
    }

    private Task task(String instance, String key) {
        return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
    }

    /** What the workers take their time to make (a task, the mail): absent stays null, or an empty Optional. */
    private static <T> T await(String what, Supplier<T> made) {
        return org.awaitility.Awaitility.await(what).atMost(Duration.ofSeconds(60))
                .until(made::get, found -> found != null && !(found instanceof Optional<?> maybe && maybe.isEmpty()));
    }
}
