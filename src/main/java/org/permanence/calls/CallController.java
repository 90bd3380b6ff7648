package org.permanence.calls;

import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.permanence.system.PersonalDataRead;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Calls searched per client and caller, for the people who may see them. */
@RestController
@EngineNode
@RequestMapping("/api/calls")
class CallController {

    private final CallHistory history;
    private final ApplicationEventPublisher events;

    CallController(CallHistory history, ApplicationEventPublisher events) {
        this.history = history;
        this.events = events;
    }

    @GetMapping
    CallPage search(SignedInUser user, @RequestParam(required = false) String client, @RequestParam(required = false) String caller,
                    @RequestParam(defaultValue = "0") int page) {
        CallPage found = history.search(user, client, caller, page);
        // each call shown with its details is a read of it (access log)
        found.calls().forEach(call -> events.publishEvent(
                new PersonalDataRead(user.id(), call.clientId(), PersonalDataRead.Item.CALL, call.id(), PersonalDataRead.Way.API)));
        return found;
    }
}
