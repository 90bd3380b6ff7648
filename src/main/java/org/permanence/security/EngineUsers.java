package org.permanence.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic credentials are the engine's users and passwords (the ones Camunda Admin manages): the
 * password is checked by the engine, and the person comes with her groups and her clients (tenants).
 */
@Component
@EngineNode
class EngineUsers implements AuthenticationProvider {

    private final IdentityService identity;

    EngineUsers(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication credentials) {
        String userId = credentials.getName();
        Object password = credentials.getCredentials();
        if (userId == null || userId.isEmpty() || !(password instanceof String text) || !identity.checkPassword(userId, text)) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        return new OfficeAuthentication(load(userId), false);
    }

    SignedInUser load(String userId) {
        return new SignedInUser(userId,
                identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList(),
                identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
