package org.permanence.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.permanence.TestOffice.DEMO_PASSWORD;
import static org.permanence.TestOffice.call;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.permanence.FreeDesks;
import org.permanence.RingingCalls;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.calls.CallRecords;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A new call's HandleCall task goes, through the engine plugin, to the demo secretary the policy
 * picks: claire and sophie both serve the plumber, so his calls show who is on a break and who carries more. They
 * start each test with nothing open or waiting for them, and the calls a test leaves are ended after it ({@link FreeDesks}).
 */
@OfficeIntegrationTest
class NewCallAssignmentTest {

    private static final String PLUMBER_LINE = "+33556987654";

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    SecretaryStatuses statuses;
    @Autowired
    CallRecords records;
    @Autowired
    AssignmentProperties properties;

    @RegisterExtension
    final FreeDesks desks = new FreeDesks("claire", "sophie");

    private final List<String> madeByHand = new ArrayList<>();

    @AfterEach
    void everyoneBackAtWork() {
        List.of("claire", "sophie").forEach(id -> statuses.set(id, Status.AVAILABLE, null));
        madeByHand.forEach(id -> tasks.deleteTask(id, true));
    }

    @Test
    void aCallForThePlumberGoesToSophieWhileClaireIsOnABreakAndBack() {
        statuses.set("claire", Status.BREAK, 15);
        Task first = callToHandle(PLUMBER_LINE);
        assertThat(first.getAssignee()).isEqualTo("sophie");

        statuses.set("claire", Status.AVAILABLE, null);
        statuses.set("sophie", Status.BREAK, 15);
        assertThat(tasks.createTaskQuery().taskId(first.getId()).singleResult().getAssignee())
                .as("the caller waits for nobody on a break: claire, back, has the call at once").isEqualTo("claire");

        runtime.deleteProcessInstance(first.getProcessInstanceId(), "the caller hung up");
        assertThat(callToHandle(PLUMBER_LINE).getAssignee()).isEqualTo("claire");
    }

    @Test
    void aCallGoesToWhoeverCarriesLessEffort() {
        // claire now carries more than sophie (a task made by hand weighs 1)
        int gap = effort("sophie") - effort("claire") + 1;
        for (int i = 0; i < gap; i++) {
            Task byHand = tasks.newTask();
            byHand.setName("Classer le courrier");
            byHand.setAssignee("claire");
            tasks.saveTask(byHand);
            madeByHand.add(byHand.getId());
        }
        assertThat(callToHandle(PLUMBER_LINE).getAssignee()).isEqualTo("sophie");
    }

    @Test
    void whenNobodyFitsTheCallStaysInTheTeamQueueWhereBothStillSeeIt() throws Exception {
        statuses.set("claire", Status.BREAK, 15);
        statuses.set("sophie", Status.FOCUS, 60);

        Task waiting = callToHandle(PLUMBER_LINE);

        assertThat(waiting.getAssignee()).isNull();
        for (String secretary : List.of("claire", "sophie")) {
            assertThat(call("GET", SharedNode.baseUrl() + "/engine-rest/task/" + waiting.getId(), secretary, DEMO_PASSWORD, null)
                    .statusCode()).as(secretary).isEqualTo(200);
        }
    }

    @Test
    void inFocusSheGetsTheUrgentFollowUpButNotTheNextCall() {
        Task handled = callToHandle(PLUMBER_LINE);
        statuses.set("claire", Status.BREAK, 15);
        statuses.set("sophie", Status.FOCUS, 60);

        assertThat(callToHandle(PLUMBER_LINE).getAssignee()).as("an ordinary call waits in the queue").isNull();

        Task confirm = RingingCalls.notedUrgent(tasks, handled, "Fuite d'eau importante au plafond");

        // its escalation timer must not fire later in the shared node
        runtime.deleteProcessInstance(handled.getProcessInstanceId(), "test over");

        assertThat(confirm.getAssignee()).as("urgent work reaches her in focus, not claire on her break").isEqualTo("sophie");
    }

    @Test
    void aCallOnAnUnknownLineIsLeftToTheManagersQueue() {
        Task unknownLine = callToHandle("+33100000000");
        // other tests count the clients of the open calls: this one, of no client, must not stay
        runtime.deleteProcessInstance(unknownLine.getProcessInstanceId(), "test over");

        assertThat(unknownLine.getAssignee()).isNull();
    }

    @Test
    void theSecretaryWhoHandledACallIsFiledWithIt() {
        Task assigned = callToHandle(PLUMBER_LINE);
        String secretary = assigned.getAssignee();
        assertThat(secretary).isIn("claire", "sophie");

        Map<String, Object> noted = new HashMap<>();
        noted.put("callerName", "M. Girard");
        noted.put("reason", "Devis pour un chauffe-eau");
        noted.put("category", "information");
        noted.put("mood", "annoyed");
        tasks.complete(assigned.getId(), noted);

        await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricActivityInstanceQuery()
                .processInstanceId(assigned.getProcessInstanceId()).activityId("RecordCall").finished().count() == 1);
        assertThat(records.lastMoodsHandledBy(secretary, 1)).containsExactly("annoyed");
    }

    private Task callToHandle(String dialled) {
        return RingingCalls.callToHandle(runtime, tasks, dialled);
    }

    private int effort(String secretary) {
        return tasks.createTaskQuery().taskAssignee(secretary).list().stream()
                .mapToInt(task -> properties.weightOf(task.getTaskDefinitionKey())).sum();
    }
}
