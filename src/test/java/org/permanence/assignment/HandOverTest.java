package org.permanence.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;
import static org.permanence.TestOffice.call;

import java.net.http.HttpResponse;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.permanence.RingingCalls;
import org.permanence.FreeDesks;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.springframework.beans.factory.annotation.Autowired;

/** A secretary hands a task to a colleague with a note; her choice stands, even against the policy's. */
@OfficeIntegrationTest
class HandOverTest {

    private static final String PLUMBER_LINE = "+33556987654";
    private final String base = SharedNode.baseUrl();

    @RegisterExtension
    final FreeDesks desks = new FreeDesks("claire", "sophie");

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    SecretaryStatuses statuses;

    @AfterEach
    void everyoneBackAtWork() {
        List.of("claire", "sophie").forEach(id -> statuses.set(id, Status.AVAILABLE, null));
    }

    @Test
    void claireHandsHerCallToSophieWithANoteEvenInFocus() {
        statuses.set("sophie", Status.BREAK, 15);
        Task call = callToHandle();
        assertThat(call.getAssignee()).isEqualTo("claire");
        statuses.set("sophie", Status.FOCUS, 30);

        HttpResponse<String> handed = call("POST", base + "/api/tasks/" + call.getId() + "/hand-over", "claire", DEMO_PASSWORD,
                "{\"to\":\"sophie\",\"note\":\"Mme Roche rappelle à 15 h, devis sur mon bureau\"}");

        assertThat(handed.statusCode()).as(handed.body()).isEqualTo(200);
        assertThat(tasks.createTaskQuery().taskId(call.getId()).singleResult().getAssignee()).isEqualTo("sophie");
        assertThat(tasks.getVariableLocal(call.getId(), "handOverNote")).isEqualTo("Mme Roche rappelle à 15 h, devis sur mon bureau");
        assertThat(tasks.getTaskComments(call.getId())).extracting(Comment::getFullMessage)
                .containsExactly("claire → sophie : Mme Roche rappelle à 15 h, devis sur mon bureau");
        runtime.deleteProcessInstance(call.getProcessInstanceId(), "test over");
    }

    @Test
    void aHandOverNeedsAColleagueOfThatClientANoteAndHerOwnTask() {
        statuses.set("sophie", Status.BREAK, 15);
        Task call = callToHandle();
        String url = base + "/api/tasks/" + call.getId() + "/hand-over";

        HttpResponse<String> noNote = call("POST", url, "claire", DEMO_PASSWORD, "{\"to\":\"nadia\"}");
        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(noNote.body()).contains("\"field\":\"to\"", "nadia does not serve plomberie-leroy", "\"field\":\"note\"");
        assertThat(call("POST", url, "claire", DEMO_PASSWORD, "{\"to\":\"claire\",\"note\":\"x\"}").body()).contains("that is you");
        assertThat(call("POST", url, "sophie", DEMO_PASSWORD, "{\"to\":\"claire\",\"note\":\"x\"}").statusCode())
                .as("claire's task, not sophie's").isEqualTo(409);
        assertThat(call("POST", base + "/api/tasks/no-such-task/hand-over", "claire", DEMO_PASSWORD, "{\"to\":\"sophie\",\"note\":\"x\"}")
                .statusCode()).isEqualTo(404);
        assertThat(tasks.createTaskQuery().taskId(call.getId()).singleResult().getAssignee()).isEqualTo("claire");
        runtime.deleteProcessInstance(call.getProcessInstanceId(), "test over");
    }

    private Task callToHandle() {
        return RingingCalls.callToHandle(runtime, tasks, PLUMBER_LINE);
    }
}
