package org.permanence.calls;

import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
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

    CallController(CallHistory history) {
        this.history = history;
    }

    @GetMapping
    CallPage search(SignedInUser user, @RequestParam(required = false) String client, @RequestParam(required = false) String caller,
                    @RequestParam(defaultValue = "0") int page) {
        return history.search(user, client, caller, page);
    }
}
