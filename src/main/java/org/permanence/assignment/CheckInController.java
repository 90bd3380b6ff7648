package org.permanence.assignment;

import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The gentle nudge Tasklist's header shows a free colleague after a difficult call, and its dismissal. */
@RestController
@EngineNode
class CheckInController {

    /** {@code nudge}: null when there is none for her now. */
    record CheckIn(CheckIns.Nudge nudge) {
    }

    /** {@code {"call": "<id>"}}: the call her nudge names. */
    record Dismissal(String call) {
    }

    private final CheckIns checkIns;

    CheckInController(CheckIns checkIns) {
        this.checkIns = checkIns;
    }

    @GetMapping("/api/me/check-in")
    CheckIn mine(SignedInUser user) {
        return new CheckIn(checkIns.of(user).orElse(null));
    }

    @PostMapping("/api/me/check-in/dismissals")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void dismiss(SignedInUser user, @RequestBody Dismissal dismissal) {
        checkIns.dismiss(user, dismissal.call() == null ? "" : dismissal.call());
    }
}
