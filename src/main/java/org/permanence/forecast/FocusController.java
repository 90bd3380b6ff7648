package org.permanence.forecast;

import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Her focus blocks of today: proposed where the phones are quiet; accepted, moved or refused by her. */
@RestController
@EngineNode
class FocusController {

    /** {@code {"starts": "2026-12-07T15:30:00Z"}}; to move her accepted block, {@code "instead"}: its start. */
    record Decision(String starts, String instead) {
    }

    private final FocusProposals proposals;

    FocusController(FocusProposals proposals) {
        this.proposals = proposals;
    }

    @GetMapping("/api/me/focus-blocks")
    FocusProposals.Today today(SignedInUser user) {
        return proposals.today(user);
    }

    /** Accepts (or moves to) the block starting then, at a peak too: the answer says what it will likely cost. */
    @PostMapping("/api/me/focus-blocks")
    FocusProposals.Block accept(SignedInUser user, @RequestBody Decision decision) {
        return proposals.accept(user, decision.starts(), decision.instead());
    }

    @PostMapping("/api/me/focus-blocks/refusals")
    FocusProposals.Today refuse(SignedInUser user, @RequestBody Decision decision) {
        proposals.refuse(user, decision.starts());
        return proposals.today(user);
    }
}
