package org.permanence.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.permanence.people.SignedInUser;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The request then runs as that person in the engine (as Camunda's ProcessEngineAuthenticationFilter
 * does): the engine's authorizations and tenant checks apply to everything it does, and nothing of
 * her stays on the thread afterwards.
 */
class EngineAuthenticationForRequest extends OncePerRequestFilter {

    private final IdentityService identity;

    EngineAuthenticationForRequest(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SignedInUser user = SignedInUsers.current().orElse(null);
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        identity.setAuthentication(user.id(), user.groups(), user.clients());
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }
}
