package org.permanence.assignment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.permanence.assignment.Status;
import org.permanence.assignment.WorkingHours;
import org.permanence.assignment.engine.SimulatedOffice.Noted;

/**
 * Assignment and times on the real tasks of every process that has user tasks (call-intake, mail-drafting,
 * document-classification, document-review, appointment-confirmation; the daily summary has none), on the real engine with its
 * clock moved by the test: every task gets its due date, priority and secretary as it appears; nobody on a break,
 * away or off her hours gets anything.
 */
@Tag("process")
@Tag("moves-engine-clock")
class OfficeProcessAssignmentTest {

    private static final Instant MORNING = SimulatedOffice.FRIDAY_MORNING;
    private static final String PLUMBER = SimulatedOffice.PLUMBER;

    @RegisterExtension
    final SimulatedOffice office = SimulatedOffice.plumbersMorning();
    private final TaskService tasks = office.engine().getTaskService();

    @Test
    void everyTaskOfACallGetsItsTimesAndASecretary() {
        String call = office.ring(PLUMBER, "0611111111");
        Task handle = task(call, "HandleCall");
        assertThat(handle.getAssignee()).isIn("anne", "beatrice");
        assertThat(handle.getPriority()).isEqualTo(70);
        assertThat(handle.getDueDate().toInstant()).isEqualTo(MORNING.plus(Duration.ofMinutes(5)));

        office.at(MORNING.plus(Duration.ofMinutes(3)));
        office.complete(handle, handle.getAssignee(), new Noted("call-back", "calm"));
        Task callBack = task(call, "CallBack");
        assertThat(callBack.getAssignee()).as("the other one carries less now").isNotNull();
        assertThat(callBack.getPriority()).isEqualTo(60);
        assertThat(callBack.getDueDate().toInstant()).as("the model's: the client's call-back delay from when the call came")
                .isEqualTo(MORNING.plus(Duration.ofMinutes(120)));

        String appointment = office.ring(PLUMBER, "0622222222");
        office.complete(task(appointment, "HandleCall"), "anne", new Noted("appointment", "annoyed"));
        Task take = task(appointment, "TakeAppointment");
        assertThat(take.getAssignee()).isIn("anne", "beatrice");
        assertThat(take.getDueDate().toInstant()).isEqualTo(office.now().plus(Duration.ofHours(1)));
    }

    @Test
    void theUrgentConfirmationReachesHerInFocusAndEscalatesToTheManagersWhenLate() {
        office.statuses().set("anne", Status.FOCUS, 60);
        String call = office.ring(PLUMBER, "0633333333");
        Task handle = task(call, "HandleCall");
        assertThat(handle.getAssignee()).as("an ordinary call, not for her in focus").isEqualTo("beatrice");
        office.statuses().set("beatrice", Status.BREAK, 15);

        office.complete(handle, "beatrice", new Noted("urgent", "distressed"));
        Task confirm = task(call, "ConfirmClientReached");
        assertThat(confirm.getAssignee()).isEqualTo("anne");
        assertThat(confirm.getPriority()).isEqualTo(90);
        assertThat(confirm.getFollowUpDate().toInstant()).isEqualTo(office.now().plus(Duration.ofMinutes(5)));

        office.at(office.now().plus(Duration.ofMinutes(16)));
        Job overdue = office.engine().getManagementService().createJobQuery().processInstanceId(call).timers().singleResult();
        office.engine().getManagementService().executeJob(overdue.getId());
        Task escalated = task(call, "ReachClientEscalated");
        assertThat(escalated.getAssignee()).as("the managers' queue").isNull();
        assertThat(escalated.getPriority()).isEqualTo(100);
    }

    @Test
    void aSecretaryOnABreakReceivesNothingUntilItEnds() {
        office.statuses().set("anne", Status.BREAK, 15);
        assertThat(task(office.ring(PLUMBER, "0644444440"), "HandleCall").getAssignee()).isEqualTo("beatrice");
        List<String> waiting = new ArrayList<>();
        for (int i = 1; i < 4; i++) {
            waiting.add(office.ring(PLUMBER, "064444444" + i));
            assertThat(task(waiting.get(i - 1), "HandleCall").getAssignee())
                    .as("call %s: beatrice has a call open, it waits in the team queue for whoever is free first", i).isNull();
        }
        assertThat(task(office.backOfficeWork(PLUMBER, "sim-mail"), "ReviewDraft").getAssignee()).isNull();

        office.at(MORNING.plus(Duration.ofMinutes(15)));
        assertThat(task(office.ring(PLUMBER, "0655555555"), "HandleCall").getAssignee())
                .as("her break is over, but the new call waits its turn").isNull();
        assertThat(task(waiting.get(0), "HandleCall").getAssignee()).as("the call that waited longest is hers").isEqualTo("anne");
    }

    @Test
    void workThatCannotWaitGoesBackToTheTeamWhenSheLeavesBreaksOrFocuses() {
        office.statuses().set("beatrice", Status.AWAY, null);
        // the draft first: with a call open she is busy and gets no more ordinary work
        Task draft = task(office.backOfficeWork(PLUMBER, "sim-mail"), "ReviewDraft");
        Task call = task(office.ring(PLUMBER, "0612121212"), "HandleCall");
        assertThat(call.getAssignee()).isEqualTo("anne");
        assertThat(draft.getAssignee()).isEqualTo("anne");

        office.statuses().set("anne", Status.BREAK, 10);
        assertThat(assigneeOf(call)).as("due in 5 minutes, before she is back").isNull();
        assertThat(assigneeOf(draft)).as("due in 4 hours: it waits for her").isEqualTo("anne");

        String urgent = office.ring(PLUMBER, "0613131313");
        office.statuses().set("anne", Status.AVAILABLE, null);
        office.complete(task(urgent, "HandleCall"), "anne", new Noted("urgent", "calm"));
        Task confirm = task(urgent, "ConfirmClientReached");
        assertThat(confirm.getAssignee()).isEqualTo("anne");
        tasks.setAssignee(call.getId(), "anne");
        office.statuses().set("anne", Status.FOCUS, 300);
        assertThat(assigneeOf(confirm)).as("urgent work stays with her in focus").isEqualTo("anne");
        assertThat(assigneeOf(draft)).as("the paperwork her focus is for stays with her").isEqualTo("anne");
        assertThat(assigneeOf(call)).as("an ordinary call due during her focus goes back").isNull();

        office.statuses().set("anne", Status.AVAILABLE, null);
        office.statuses().set("anne", Status.BREAK, 5);
        assertThat(assigneeOf(confirm)).as("urgent work waits for nobody on a break, though due after she is back").isNull();
        assertThat(assigneeOf(draft)).isEqualTo("anne");

        office.statuses().set("anne", Status.AWAY, null);
        assertThat(assigneeOf(draft)).as("away: everything goes back").isNull();
    }

    @Test
    void outsideHerHoursSheIsAway() {
        // 10:00 in Paris; anne works the afternoon only
        office.statuses().setHours("anne", new WorkingHours(List.of(new WorkingHours.Range(DayOfWeek.FRIDAY, LocalTime.of(14, 0), LocalTime.of(18, 0)))));
        assertThat(task(office.ring(PLUMBER, "0666666666"), "HandleCall").getAssignee()).isEqualTo("beatrice");
        String waiting = office.ring(PLUMBER, "0677777777");
        assertThat(task(waiting, "HandleCall").getAssignee()).as("beatrice is busy: the team queue, not anne off her hours").isNull();

        office.at(Instant.parse("2026-11-27T13:00:00Z"));
        assertThat(task(office.ring(PLUMBER, "0688888888"), "HandleCall").getAssignee()).as("a newer call waits its turn").isNull();
        assertThat(task(waiting, "HandleCall").getAssignee()).as("14:00 in Paris: the call that waited is hers").isEqualTo("anne");
    }

    @Test
    void theMailAndDocumentProcessesPaperworkGoesToWhoeverFocusesAndAnAppointmentToWhoeverIsAvailable() {
        office.statuses().set("anne", Status.FOCUS, 60);

        Task review = task(office.start("mail-drafting", Map.of("clientId", PLUMBER, "clientName", "Plomberie Leroy")), "ReviewDraft");
        assertThat(review.getAssignee()).as("a draft to review: what her focus is for").isEqualTo("anne");
        assertThat(review.getDueDate().toInstant()).isEqualTo(MORNING.plus(Duration.ofHours(4)));
        Task unreadable = task(office.start("mail-drafting", Map.of("clientId", PLUMBER, "clientName", "Plomberie Leroy",
                "incomingProblem", "the mail could not be opened")), "ExamineIncomingMail");
        assertThat(unreadable.getAssignee()).isEqualTo("anne");
        Task classify = task(office.start("document-classification", Map.of("clientId", PLUMBER, "originalName", "facture-octobre.pdf")),
                "ClassifyDocument");
        assertThat(classify.getAssignee()).as("a document the model is unsure of").isEqualTo("anne");

        Task pickSlot = task(office.start("appointment-confirmation", Map.of("clientId", PLUMBER, "clientName", "Plomberie Leroy")), "PickSlot");
        assertThat(pickSlot.getAssignee()).as("ordinary work, not for her in focus").isEqualTo("beatrice");
        assertThat(pickSlot.getPriority()).isEqualTo(50);
    }

    @Test
    void aFilingToCheckIsPaperworkForWhoeverFocuses() {
        office.statuses().set("anne", Status.FOCUS, 60);

        Task check = task(office.start("document-review", Map.of("clientId", PLUMBER, "originalName", "devis-octobre.pdf")), "ReviewFiling");
        assertThat(check.getAssignee()).isEqualTo("anne");
    }

    @Test
    void workOfAProcessNoListNamesGetsTheOfficeDefaults() {
        Task document = task(office.backOfficeWork(PLUMBER, "sim-document"), "ClassifyDocument");
        assertThat(document.getAssignee()).isIn("anne", "beatrice");
        assertThat(document.getPriority()).isEqualTo(50);
        assertThat(document.getDueDate().toInstant()).isEqualTo(MORNING.plus(Duration.ofHours(4)));
        assertThat(document.getTenantId()).isEqualTo(PLUMBER);
    }

    private String assigneeOf(Task task) {
        return tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
    }

    private Task task(String processInstanceId, String type) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(type).singleResult();
    }
}
