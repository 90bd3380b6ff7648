package org.permanence.assignment;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.permanence.people.SignedInUser;
import org.permanence.people.engine.Team;
import org.permanence.system.EngineNode;
import org.springframework.stereotype.Component;

/** Who of her team is available, in focus, on a break or away: for the API and the status page alike (engine nodes serve both). */
@Component
@EngineNode
class TeamPresence {

    /** A colleague's presence, with the clients she serves. */
    record Colleague(String id, String name, List<String> clients, Status status, Instant until) {
    }

    private final SecretaryStatuses statuses;
    private final Team team;

    TeamPresence(SecretaryStatuses statuses, Team team) {
        this.statuses = statuses;
        this.team = team;
    }

    /**
     * The secretaries who share at least one client with her (managers: all of them), each with only
     * the clients the caller may see.
     */
    List<Colleague> seenBy(SignedInUser user) {
        List<Team.Secretary> colleagues = user.isManager() ? team.everyone() : team.serving(user.clients());
        Map<String, SecretaryStatus> now = statuses.of(colleagues.stream().map(Team.Secretary::id).toList());
        return colleagues.stream().map(colleague -> {
            SecretaryStatus status = now.get(colleague.id());
            return new Colleague(colleague.id(), colleague.name(), colleague.clients().stream().filter(user::serves).toList(),
                    status.status(), status.until());
        }).toList();
    }
}
