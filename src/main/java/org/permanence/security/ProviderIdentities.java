package org.permanence.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.permanence.people.Groups;
import org.permanence.people.SignedInUser;

/**
 * The engine's identity follows the provider at each sign-in and re-check: her user (name and e-mail
 * from the claims, no password here), her membership of {@code secretaries} and {@code managers}, and
 * of the clients' tenants — added and removed to match. Groups the provider does not speak for (such as
 * {@code camunda-admin}, given in Camunda Admin) are left as they are; clients the office does not have
 * are ignored.
 */
final class ProviderIdentities {

    private static final Set<String> PROVIDER_GROUPS = Set.of(Groups.SECRETARIES, Groups.MANAGERS);

    private final IdentityService identity;

    ProviderIdentities(IdentityService identity) {
        this.identity = identity;
    }

    /** Makes the engine agree with the provider; returns her as the engine now knows her. */
    synchronized SignedInUser follow(SignedInUser told, Map<String, Object> claims) {
        String id = told.id();
        User user = identity.createUserQuery().userId(id).singleResult();
        if (user == null) {
            user = identity.newUser(id);
        }
        user.setFirstName(text(claims.get("given_name"), user.getFirstName()));
        user.setLastName(text(claims.get("family_name"), user.getLastName()));
        user.setEmail(text(claims.get("email"), user.getEmail()));
        identity.saveUser(user);

        List<String> groups = new ArrayList<>();
        for (Group group : identity.createGroupQuery().groupMember(id).list()) {
            if (PROVIDER_GROUPS.contains(group.getId()) && !told.groups().contains(group.getId())) {
                identity.deleteMembership(id, group.getId());
            } else {
                groups.add(group.getId());
            }
        }
        for (String group : told.groups()) {
            if (!groups.contains(group)) {
                identity.createMembership(id, group);
                groups.add(group);
            }
        }

        List<String> clients = new ArrayList<>();
        for (Tenant tenant : identity.createTenantQuery().userMember(id).list()) {
            if (told.clients().contains(tenant.getId())) {
                clients.add(tenant.getId());
            } else {
                identity.deleteTenantUserMembership(tenant.getId(), id);
            }
        }
        for (String client : told.clients()) {
            if (!clients.contains(client) && identity.createTenantQuery().tenantId(client).count() == 1) {
                identity.createTenantUserMembership(client, id);
                clients.add(client);
            }
        }
        // tenants reached through her groups count too, as for a local account (EngineUsers)
        List<String> tenants = identity.createTenantQuery().userMember(id).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId).toList();
        return new SignedInUser(id, List.copyOf(groups), tenants);
    }

    /**
     * The provider no longer makes her a secretary or manager: she leaves those groups and every client
     * here too, so the office stops giving her calls, not only her session.
     */
    synchronized void withdraw(String id) {
        if (identity.createUserQuery().userId(id).count() == 1) {
            follow(new SignedInUser(id, List.of(), List.of()), Map.of());
        }
    }

    private static String text(Object claim, String otherwise) {
        return claim instanceof String value && !value.isBlank() ? value : otherwise;
    }
}
