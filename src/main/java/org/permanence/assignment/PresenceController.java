package org.permanence.assignment;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.permanence.people.SignedInUser;
import org.permanence.people.Team;
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

    /** A colleague's presence, with the clients she serves. */
    record Colleague(String id, String name, List<String> clients, Status status, Instant until) {
    }

    /** {@code {"minutes": 10}}: one of the offered lengths. */
    record ProtectedBreak(int minutes) {
    }

    private final SecretaryStatuses statuses;
    private final Team team;
    private final BreakOffers breaks;

    PresenceController(SecretaryStatuses statuses, Team team, BreakOffers breaks) {
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

    /**
     * The secretaries who share at least one client with her (managers: all of them), each with only
     * the clients the caller may see.
     */
    @GetMapping("/api/team")
    List<Colleague> team(SignedInUser user) {
        List<Team.Secretary> colleagues = user.isManager() ? team.everyone() : team.serving(user.clients());
        Map<String, SecretaryStatus> now = statuses.of(colleagues.stream().map(Team.Secretary::id).toList());
        return colleagues.stream().map(colleague -> {
            SecretaryStatus status = now.get(colleague.id());
            return new Colleague(colleague.id(), colleague.name(), colleague.clients().stream().filter(user::serves).toList(),
                    status.status(), status.until());
        }).toList();
    }
}
