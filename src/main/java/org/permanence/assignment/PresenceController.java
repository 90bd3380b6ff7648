package org.permanence.assignment;

import java.time.Instant;
import java.util.List;

import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.permanence.system.InvalidRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Her own status, which decides what work reaches her, and who of her team is available, in focus or on a break. */
@RestController
@EngineNode
class PresenceController {

    /** A status as shown: {@code until} only for focus and break. */
    record StatusView(Status status, Instant until) {
        static StatusView of(SecretaryStatus status) {
            return new StatusView(status.status(), status.until());
        }
    }

    /** {@code {"minutes": 10}}: one of the offered lengths. */
    record ProtectedBreak(int minutes) {
    }

    private final SecretaryStatuses statuses;
    private final TeamPresence team;
    private final BreakOffers breaks;

    PresenceController(SecretaryStatuses statuses, TeamPresence team, BreakOffers breaks) {
        this.statuses = statuses;
        this.team = team;
        this.breaks = breaks;
    }

    @GetMapping("/api/me/working-hours")
    WorkingHours myHours(SignedInUser user) {
        return statuses.hoursOf(user.id());
    }

    /** Her hours, replaced whole: {@code {"hours": [{"day": "MONDAY", "starts": "09:00", "ends": "12:30"}, …]}}; empty: none. */
    @PutMapping("/api/me/working-hours")
    WorkingHours setMyHours(SignedInUser user, @RequestBody WorkingHours hours) {
        if (!hours.problems().isEmpty()) {
            throw new InvalidRequest(hours.problems());
        }
        return statuses.setHours(user.id(), hours);
    }

    /** Whether a protected break is offered to her, and whether the office suggests a break. */
    @GetMapping("/api/me/break-offer")
    BreakOffers.Offer myBreakOffer(SignedInUser user) {
        return breaks.of(user.id());
    }

    @PostMapping("/api/me/protected-break")
    StatusView takeProtectedBreak(SignedInUser user, @RequestBody ProtectedBreak request) {
        return StatusView.of(breaks.takeProtectedBreak(user.id(), request.minutes()));
    }

    @GetMapping("/api/me/status")
    StatusView myStatus(SignedInUser user) {
        return StatusView.of(statuses.of(user.id()));
    }

    @PutMapping("/api/me/status")
    StatusView setMyStatus(SignedInUser user, @RequestBody StatusChange change) {
        if (!change.problems().isEmpty()) {
            throw new InvalidRequest(change.problems());
        }
        return StatusView.of(statuses.set(user.id(), change.status(), change.minutes()));
    }

    @GetMapping("/api/team")
    List<TeamPresence.Colleague> team(SignedInUser user) {
        return team.seenBy(user);
    }
}
