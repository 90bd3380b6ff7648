package org.permanence.security;

import java.time.Clock;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.permanence.people.SignInProperties;
import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic credentials are the engine's users and passwords (the ones Camunda Admin manages): the
 * password is checked by the engine, and the person comes with her groups and her clients (tenants). A success is
 * reused for a short while ({@link RecentPasswordChecks}, {@code permanence.sign-in.password-check-reused-for}).
 */
@Component
@EngineNode
class EngineUsers implements AuthenticationProvider {

    private final IdentityService identity;
    private final RecentPasswordChecks recent;

    @Autowired
    EngineUsers(IdentityService identity, SignInProperties signIn) {
        this(identity, new RecentPasswordChecks(signIn.passwordCheckReusedFor(), signIn.knownGoodCredentials(), Clock.systemUTC()));
    }

    EngineUsers(IdentityService identity, RecentPasswordChecks recent) {
        this.identity = identity;
        this.recent = recent;
    }

    @Override
    public Authentication authenticate(Authentication credentials) {
        String userId = credentials.getName();
        if (userId == null || userId.isEmpty() || !(credentials.getCredentials() instanceof String password)) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        String fingerprint = recent.fingerprint(userId, password);
        SignedInUser user = recent.recent(fingerprint).orElse(null);
        if (user == null) {
            if (!identity.checkPassword(userId, password)) {
                throw new BadCredentialsException("Unknown user or wrong password");
            }
            user = load(userId);
            recent.passed(fingerprint, user);
        }
        return new OfficeAuthentication(user, false);
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
