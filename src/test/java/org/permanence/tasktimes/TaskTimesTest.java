package org.permanence.tasktimes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.permanence.TestOffice.DEMO_PASSWORD;
import static org.permanence.TestOffice.call;

import java.net.http.HttpResponse;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.permanence.RingingCalls;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every user task gets a due date and a priority from its client's delays for its type, else the
 * office's; a task waiting on the client gets a follow-up date; each secretary has her own filters.
 */
@OfficeIntegrationTest
class TaskTimesTest {

    private static final String PLUMBER = "plomberie-leroy";
    private static final String PLUMBER_LINE = "+33556987654";
    private final String base = SharedNode.baseUrl();

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    FilterService filters;

    @AfterEach
    void officeDelaysAgain() {
        call("PUT", base + "/api/clients/" + PLUMBER + "/task-times", "nadia", DEMO_PASSWORD, "{\"delays\":[]}");
    }

    @Test
    void aCallIsDueFromTheOfficeDelayUntilTheClientSetsItsOwn() {
        Task call = callToHandle();
        assertThat(call.getPriority()).isEqualTo(70);
        assertThat(call.getDueDate().toInstant()).isCloseTo(call.getCreateTime().toInstant().plus(5, ChronoUnit.MINUTES), within(2, ChronoUnit.SECONDS));

        HttpResponse<String> set = call("PUT", base + "/api/clients/" + PLUMBER + "/task-times", "nadia", DEMO_PASSWORD,
                "{\"delays\":[{\"taskType\":\"HandleCall\",\"dueWithinMinutes\":3,\"priority\":80}]}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(call("GET", base + "/api/clients/" + PLUMBER + "/task-times", "claire", DEMO_PASSWORD, null).body())
                .contains("\"dueWithinMinutes\":3");

        Task faster = callToHandle();
        assertThat(faster.getPriority()).isEqualTo(80);
        assertThat(faster.getDueDate().toInstant()).isCloseTo(faster.getCreateTime().toInstant().plus(3, ChronoUnit.MINUTES), within(2, ChronoUnit.SECONDS));
    }

    @Test
    void onlyManagersChangeAClientsDelaysAndBadOnesAreRefused() {
        assertThat(call("PUT", base + "/api/clients/" + PLUMBER + "/task-times", "claire", DEMO_PASSWORD, "{\"delays\":[]}").statusCode())
                .isEqualTo(403);
        assertThat(call("GET", base + "/api/clients/durand-avocats/task-times", "claire", DEMO_PASSWORD, null).statusCode())
                .as("not her client").isEqualTo(404);
        HttpResponse<String> bad = call("PUT", base + "/api/clients/" + PLUMBER + "/task-times", "nadia", DEMO_PASSWORD,
                "{\"delays\":[{\"taskType\":\"CallBack\",\"dueWithinMinutes\":0,\"priority\":50}]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("delays[0].dueWithinMinutes");
    }

    @Test
    void theUrgentConfirmationKeepsTheModelsDueDateAndGetsAFollowUp() {
        Task handled = callToHandle();
        Task confirm = RingingCalls.notedUrgent(tasks, handled, "Fuite de gaz");
        runtime.deleteProcessInstance(handled.getProcessInstanceId(), "test over");

        assertThat(confirm.getPriority()).isEqualTo(90);
        // the plumber's own urgent delay (contact rules), set by the model
        assertThat(confirm.getDueDate()).isNotNull();
        assertThat(confirm.getFollowUpDate().toInstant())
                .isCloseTo(confirm.getCreateTime().toInstant().plus(5, ChronoUnit.MINUTES), within(2, ChronoUnit.SECONDS));
    }

    @Test
    void eachSecretaryHasHerOwnFiltersSortedByDueDateThenPriority() {
        List<Filter> hers = filters.createFilterQuery().filterOwner("claire").list();
        assertThat(hers).extracting(Filter::getName)
                .contains("Urgent", "À faire aujourd'hui", "Mes tâches par échéance", "File de l'équipe");
        Filter queue = hers.stream().filter(filter -> filter.getName().equals("File de l'équipe")).findFirst().orElseThrow();
        HttpResponse<String> listed = call("GET", base + "/engine-rest/filter/" + queue.getId() + "/list", "claire", DEMO_PASSWORD, null);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(call("GET", base + "/engine-rest/filter/" + queue.getId() + "/list", "sophie", DEMO_PASSWORD, null).statusCode())
                .as("claire's, not sophie's").isEqualTo(403);
        HttpResponse<String> dueToday = call("GET", base + "/engine-rest/filter/" + hers.stream()
                .filter(filter -> filter.getName().equals("À faire aujourd'hui")).findFirst().orElseThrow().getId() + "/count", "claire", DEMO_PASSWORD, null);
        assertThat(dueToday.statusCode()).as(dueToday.body()).isEqualTo(200);
    }

    private Task callToHandle() {
        return RingingCalls.callToHandle(runtime, tasks, PLUMBER_LINE);
    }
}
