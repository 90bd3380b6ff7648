package org.permanence.assignment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.permanence.clients.Client;
import org.permanence.clients.ClientRepository;
import org.permanence.people.SignedInUser;
import org.permanence.people.engine.Team;
import org.permanence.system.EngineNode;
import org.springframework.stereotype.Component;

/** Who of her team is available, in focus, on a break or away: for the API and the status page alike (engine nodes serve both). */
@Component
@EngineNode
class TeamPresence {

    /** A colleague's presence, with the clients she serves: their ids, and their names as people read them. */
    record Colleague(String id, String name, List<String> clients, List<String> clientNames, Status status, Instant until) {
    }

    private final SecretaryStatuses statuses;
    private final Team team;
    private final ClientRepository clientRecords;

    TeamPresence(SecretaryStatuses statuses, Team team, ClientRepository clientRecords) {
        this.statuses = statuses;
        this.team = team;
        this.clientRecords = clientRecords;
    }

    /**
     * The secretaries who share at least one client with her (managers: all of them), each with only
     * the clients the caller may see.
     */
    List<Colleague> seenBy(SignedInUser user) {
        List<Team.Secretary> colleagues = user.isManager() ? team.everyone() : team.serving(user.clients());
        Map<String, SecretaryStatus> now = statuses.of(colleagues.stream().map(Team.Secretary::id).toList());
        Map<String, String> names = clientRecords.findAllIn(colleagues.stream().flatMap(colleague -> colleague.clients().stream())
                .filter(user::serves).distinct().toList()).stream().collect(Collectors.toMap(Client::id, Client::name));
        return colleagues.stream().map(colleague -> {
            SecretaryStatus status = now.get(colleague.id());
            List<String> clients = colleague.clients().stream().filter(user::serves).toList();
            return new Colleague(colleague.id(), colleague.name(), clients,
                    clients.stream().map(id -> names.getOrDefault(id, id)).toList(), status.status(), status.until());
        }).toList();
    }
}
