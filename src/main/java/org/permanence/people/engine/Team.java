package org.permanence.people.engine;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.permanence.people.Groups;
import org.permanence.system.EngineNode;
import org.springframework.stereotype.Component;

/** The secretaries of the office and the clients each of them serves, as Camunda's users, groups and tenants hold them. */
@Component
@EngineNode
public class Team {

    /** A secretary: her login, her name as her colleagues read it, the clients she serves. */
    public record Secretary(String id, String name, List<String> clients) {
    }

    private final IdentityService identity;

    Team(IdentityService identity) {
        this.identity = identity;
    }

    /** Every secretary who serves at least one of these clients. */
    public List<Secretary> serving(Collection<String> clientIds) {
        return everyone().stream().filter(secretary -> secretary.clients().stream().anyMatch(clientIds::contains)).toList();
    }

    public List<Secretary> everyone() {
        return AsTheOffice.run(identity, () -> identity.createUserQuery().memberOfGroup(Groups.SECRETARIES).orderByUserId().asc().list().stream()
                .map(this::secretary).toList());
    }

    private Secretary secretary(User user) {
        List<String> clients = identity.createTenantQuery().userMember(user.getId()).orderByTenantId().asc().list().stream()
                .map(Tenant::getId).toList();
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return new Secretary(user.getId(), name.isEmpty() ? user.getId() : name, clients);
    }
}
