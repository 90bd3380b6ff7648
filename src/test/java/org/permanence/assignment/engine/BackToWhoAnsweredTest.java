package org.permanence.assignment.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.permanence.assignment.Status;

/**
 * A refused answer (a category the client does not have, a slot taken or forbidden) brings the task back
 * to the secretary who gave it, whatever the policy would choose for new work: before, she lost it to the
 * queue or a colleague ("Facture" instead of "facture").
 */
@Tag("process")
@Tag("moves-engine-clock")
class BackToWhoAnsweredTest {

    private static final Instant MORNING = SimulatedOffice.FRIDAY_MORNING;
    private static final String PLUMBER = SimulatedOffice.PLUMBER;

    @RegisterExtension
    final SimulatedOffice office = SimulatedOffice.plumbersMorning();
    private final TaskService tasks = office.engine().getTaskService();
    private final ExternalTaskService externalTasks = office.engine().getExternalTaskService();

    @Test
    void aRefusedCategoryComesBackToHerNotToTheQueue() {
        String document = office.start("document-classification", Map.of("clientId", PLUMBER, "originalName", "facture-octobre.pdf"));
        Task classify = task(document, "ClassifyDocument");
        answer(classify, "anne", Map.of("category", "Facture"));
        // the new work's choice would be beatrice: anne is in focus
        office.statuses().set("anne", Status.FOCUS, 60);

        refuse("file-document", "CategoryUnknown", "categoryProblem", "« Facture » n'est pas une catégorie de Plomberie Leroy");

        Task again = task(document, "ClassifyDocument");
        assertThat(again.getId()).isNotEqualTo(classify.getId());
        assertThat(again.getAssignee()).isEqualTo("anne");
    }

    @Test
    void aSlotJustTakenComesBackToWhoPickedIt() {
        String appointment = office.start("appointment-confirmation", Map.of("clientId", PLUMBER, "clientName", "Plomberie Leroy"));
        Task pick = task(appointment, "PickSlot");
        answer(pick, "beatrice", Map.of("appointmentType", "consultation", "slotStart", "2026-12-04T10:00"));
        office.statuses().set("beatrice", Status.BREAK, 15);

        refuse("book-appointment", "SlotTaken", "slotProblem", "Le créneau vient d'être pris : choisissez-en un autre.");
        // the free slots are listed again, then she picks
        LockedExternalTask list = externalTasks.fetchAndLock(1, "test").topic("list-free-slots", 60_000L).execute().get(0);
        externalTasks.complete(list.getId(), "test", Map.of());

        assertThat(task(appointment, "PickSlot").getAssignee()).isEqualTo("beatrice");
    }

    @Test
    void newWorkIsStillHandedOutByThePolicy() {
        office.statuses().set("anne", Status.BREAK, 15);
        String document = office.start("document-classification", Map.of("clientId", PLUMBER, "originalName", "devis.pdf"));
        assertThat(task(document, "ClassifyDocument").getAssignee()).isEqualTo("beatrice");
    }

    private void answer(Task task, String secretary, Map<String, Object> variables) {
        tasks.setAssignee(task.getId(), secretary);
        tasks.complete(task.getId(), variables);
    }

    private void refuse(String topic, String errorCode, String reasonVariable, String reason) {
        LockedExternalTask locked = externalTasks.fetchAndLock(1, "test").topic(topic, 60_000L).execute().get(0);
        externalTasks.handleBpmnError(locked.getId(), "test", errorCode, reason, Map.of(reasonVariable, reason));
    }

    private Task task(String instance, String key) {
        return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
    }
}
