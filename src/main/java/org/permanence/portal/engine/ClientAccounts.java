package org.permanence.portal.engine;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.permanence.people.Groups;
import org.permanence.portal.ClientAccount;
import org.permanence.system.EngineNode;
import org.springframework.stereotype.Component;

/**
 * A client's own people as engine users: members of the {@link Groups#CLIENT_USERS} group and of that client's
 * tenant, and of nothing else — so the tenant checks that keep a secretary to her clients keep them to theirs, and
 * the access rules (OfficeAccess) keep them to the portal. A manager makes and removes them; the password is made
 * here and shown once.
 */
@Component
@EngineNode
public class ClientAccounts {

    private final IdentityService identity;

    ClientAccounts(IdentityService identity) {
        this.identity = identity;
    }

    public List<ClientAccount> of(String clientId) {
        return identity.createUserQuery().memberOfGroup(Groups.CLIENT_USERS).memberOfTenant(clientId).orderByUserId().asc().list().stream()
                .map(user -> new ClientAccount(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail()))
                .toList();
    }

    /**
     * Makes the account and answers its password; empty when the id is taken (a secretary's, another client's
     * person's): an existing user is never turned into a client's, nor given a second client.
     */
    public Optional<String> create(String clientId, ClientAccount account, String password) {
        if (identity.createUserQuery().userId(account.id()).count() > 0) {
            return Optional.empty();
        }
        clientUsersGroup();
        User user = identity.newUser(account.id());
        user.setFirstName(account.firstName());
        user.setLastName(account.lastName());
        user.setEmail(account.email());
        user.setPassword(password);
        identity.saveUser(user);
        identity.createMembership(account.id(), Groups.CLIENT_USERS);
        identity.createTenantUserMembership(clientId, account.id());
        return Optional.of(password);
    }

    /** Whether the user is (still) one of this client's people: a removed account's open session is worth nothing. */
    public boolean isAccountOf(String clientId, String userId) {
        return identity.createUserQuery().userId(userId).memberOfGroup(Groups.CLIENT_USERS).memberOfTenant(clientId).count() == 1;
    }

    /** Removes one of this client's people; answers false when the id is no account of this client, which is then left alone. */
    public boolean remove(String clientId, String userId) {
        if (!isAccountOf(clientId, userId)) {
            return false;
        }
        identity.deleteUser(userId);
        return true;
    }

    private void clientUsersGroup() {
        if (identity.createGroupQuery().groupId(Groups.CLIENT_USERS).count() == 0) {
            Group group = identity.newGroup(Groups.CLIENT_USERS);
            group.setName("Utilisateurs des clients");
            group.setType("CLIENT");
            identity.saveGroup(group);
        }
    }
}
