package org.permanence.tasktimes;

import java.util.List;

import org.permanence.clients.Clients;
import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.permanence.system.InvalidRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A client's delays by task type: managers change them, the secretaries who serve the client read them. */
@RestController
@EngineNode
class TaskTimesController {

    /** {@code {"delays": [{"taskType": "CallBack", "dueWithinMinutes": 60, "priority": 60}]}}. */
    record Delays(List<ClientTaskTimes.Delay> delays) {
    }

    private final Clients clients;
    private final ClientTaskTimes times;

    TaskTimesController(Clients clients, ClientTaskTimes times) {
        this.clients = clients;
        this.times = times;
    }

    @GetMapping("/api/clients/{id}/task-times")
    Delays get(SignedInUser user, @PathVariable String id) {
        clients.get(user, id);
        return new Delays(times.of(id));
    }

    @PutMapping("/api/clients/{id}/task-times")
    Delays put(SignedInUser user, @PathVariable String id, @RequestBody Delays request) {
        // managers only (OfficeAccess); a client that does not exist is 404
        clients.get(user, id);
        List<ClientTaskTimes.Delay> delays = request.delays() == null ? List.of() : request.delays();
        if (!ClientTaskTimes.problems(delays).isEmpty()) {
            throw new InvalidRequest(ClientTaskTimes.problems(delays));
        }
        return new Delays(times.replace(id, delays));
    }
}
