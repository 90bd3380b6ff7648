package org.permanence.assignment.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.permanence.people.SignedInUser;
import org.permanence.people.engine.AsTheOffice;
import org.permanence.people.engine.Team;
import org.permanence.system.EngineNode;
import org.permanence.system.FieldProblem;
import org.permanence.system.InvalidRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A secretary hands one of her tasks (or one waiting in the team queue) to a colleague who serves its
 * client, with a note: the note is a comment on the task, which Tasklist shows in its history, and the
 * task-local variable {@code handOverNote}. Her choice stands: the assignment policy only places new tasks.
 */
@RestController
@EngineNode
class HandOverController {

    static final String NOTE = "handOverNote";
    static final String FROM = "handedOverBy";
    static final int MAX_NOTE = 2000;

    /** {@code {"to": "sophie", "note": "Elle rappelle à 15 h, dossier sur le bureau"}}. */
    record HandOver(String to, String note) {
    }

    record HandedOver(String taskId, String assignee, String handedOverBy, String note) {
    }

    private final TaskService tasks;
    private final IdentityService identity;
    private final Team team;

    HandOverController(TaskService tasks, IdentityService identity, Team team) {
        this.tasks = tasks;
        this.identity = identity;
        this.team = team;
    }

    @PostMapping("/api/tasks/{taskId}/hand-over")
    HandedOver handOver(SignedInUser user, @PathVariable String taskId, @RequestBody HandOver request) {
        // her own rights: a task of a client she does not serve is not found
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No task '" + taskId + "' among yours or your team's");
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(user.id()) && !user.isManager()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Task " + taskId + " is " + task.getAssignee()
                    + "'s: only she (or a manager) hands it over");
        }
        List<FieldProblem> problems = problems(user, task, request);
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        String note = request.note().strip();
        AsTheOffice.run(identity, () -> {
            tasks.setAssignee(taskId, request.to());
            tasks.setVariablesLocal(taskId, Map.of(NOTE, note, FROM, user.id()));
            tasks.createComment(taskId, task.getProcessInstanceId(), user.id() + " → " + request.to() + " : " + note);
            return null;
        });
        return new HandedOver(taskId, request.to(), user.id(), note);
    }

    private List<FieldProblem> problems(SignedInUser user, Task task, HandOver request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.to() == null || request.to().isBlank()) {
            problems.add(FieldProblem.of("to", "handOver.to.required", "required: the login of the colleague who takes it over"));
        } else if (request.to().equals(user.id())) {
            problems.add(FieldProblem.of("to", "handOver.to.yourself", "that is you: hand it to a colleague, or claim it"));
        } else if (task.getTenantId() == null || team.serving(List.of(task.getTenantId())).stream().noneMatch(s -> s.id().equals(request.to()))) {
            problems.add(FieldProblem.of("to", "handOver.to.notServing", request.to() + " does not serve " + task.getTenantId() + ": pick a colleague who does",
                    request.to(), task.getTenantId()));
        }
        if (request.note() == null || request.note().isBlank()) {
            problems.add(FieldProblem.of("note", "handOver.note.required", "required: tell her what she needs to know"));
        } else if (request.note().length() > MAX_NOTE) {
            problems.add(FieldProblem.of("note", "handOver.note.tooLong", "at most " + MAX_NOTE + " characters", MAX_NOTE));
        }
        return problems;
    }
}
