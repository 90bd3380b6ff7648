package org.permanence.security;

import java.util.Collection;
import java.util.stream.Stream;

import org.permanence.people.SignedInUser;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A person (or the workers' service account) the office knows: her engine user, groups and clients.
 * Each group is an authority both as itself and as {@code ROLE_<group>}, so request matchers say
 * {@code hasRole("managers")} and the actuator's {@code roles} setting names groups. {@code bySession}
 * tells a browser's Tasklist session (which needs a CSRF token to change anything) from HTTP Basic.
 */
final class OfficeAuthentication extends AbstractAuthenticationToken {

    private final SignedInUser user;
    private final boolean bySession;

    OfficeAuthentication(SignedInUser user, boolean bySession) {
        super(authorities(user));
        this.user = user;
        this.bySession = bySession;
        setAuthenticated(true);
    }

    private static Collection<GrantedAuthority> authorities(SignedInUser user) {
        return user.groups().stream()
                .flatMap(group -> Stream.of(group, "ROLE_" + group))
                .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                .toList();
    }

    @Override
    public SignedInUser getPrincipal() {
        return user;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return user.id();
    }

    boolean bySession() {
        return bySession;
    }
}
