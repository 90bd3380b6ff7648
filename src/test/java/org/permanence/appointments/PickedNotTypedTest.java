package org.permanence.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.RingingCalls;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lists the forms offer reach the engine from the real workers as JSON variables — the only kind
 * Tasklist hands a Camunda Form as a list — and what she picks from them books: the appointment types
 * of the client at intake, then the free slots named in French, day by day.
 */
@OfficeIntegrationTest
class PickedNotTypedTest {

    private static final String PLUMBER_LINE = "+33556987654";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @Test
    void theTypesThenTheFreeSlotsArePickedFromListsAndTheSlotPickedIsBooked() throws Exception {
        Task handle = RingingCalls.callToHandle(runtime, tasks, PLUMBER_LINE);
        assertThat(options(handle, "appointmentTypeOptions")).containsExactlyInAnyOrder(
                Map.of("label", "Visite pour devis (60 min)", "value", "devis"), Map.of("label", "Dépannage (90 min)", "value", "depannage"));

        Map<String, Object> noted = new HashMap<>();
        noted.put("callerName", "M. Girard");
        noted.put("reason", "Chauffe-eau");
        noted.put("category", "appointment");
        noted.put("mood", "calm");
        tasks.complete(handle.getId(), noted);
        Task take = task(handle.getProcessInstanceId(), "TakeAppointment", null);
        assertThat(options(take, "appointmentTypeOptions")).hasSize(2);
        tasks.complete(take.getId(), Map.of("appointmentType", "devis", "slotStart", "", "callerEmail", "girard@example.fr"));

        Task pick = task(null, "PickSlot", take.getProcessInstanceId());
        List<Map<String, String>> slots = options(pick, "slotOptions");
        assertThat(slots).isNotEmpty().allSatisfy(slot -> assertThat(slot.get("label"))
                .matches("(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) (1er|\\d{1,2}) \\p{L}+ \\d{4} — \\d{1,2} h \\d{2}"));
        String picked = slots.get(slots.size() / 2).get("value");
        tasks.complete(pick.getId(), Map.of("appointmentType", "devis", "slotStart", picked));

        String pickInstance = pick.getProcessInstanceId();
        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.getVariable(pickInstance, "appointmentId") != null);
        assertThat(runtime.getVariable(pickInstance, "slotProblem")).as("booked as picked, not refused").isNull();
    }

    private List<Map<String, String>> options(Task task, String name) throws Exception {
        SerializableValue value = tasks.getVariableTyped(task.getId(), name, false);
        assertThat(value.getType().getName()).as("Tasklist gives a form a list only from a Json variable").isEqualTo("json");
        return JSON.readValue(value.getValueSerialized(), new TypeReference<>() { });
    }

    /** The task of this key in the instance, or in the instance it called (the appointment's own process). */
    private Task task(String instance, String key, String caller) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (instance != null) {
                return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
            }
            return runtime.createProcessInstanceQuery().superProcessInstanceId(caller).list().stream()
                    .map(called -> tasks.createTaskQuery().processInstanceId(called.getId()).taskDefinitionKey(key).singleResult())
                    .filter(task -> task != null).findFirst().orElse(null);
        }, task -> task != null);
    }
}
