package org.permanence.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.permanence.people.SignedInUser;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The person signed in to Tasklist in this browser: Camunda's webapps keep her in their own session,
 * which our pages and {@code /api} share. Used when no HTTP Basic credentials came with the request.
 */
class TasklistSession extends OncePerRequestFilter {

    private static final String ENGINE = "default";

    static Optional<SignedInUser> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        Authentication authentication = authentications == null ? null : authentications.getAuthenticationForProcessEngine(ENGINE);
        if (authentication instanceof UserAuthentication signedIn) {
            return Optional.of(new SignedInUser(signedIn.getIdentityId(), signedIn.getGroupIds(), signedIn.getTenantIds()));
        }
        return Optional.empty();
    }

    /**
     * A request answered later (her screen pop's event stream) passes the filters again when it ends; she
     * is still the one signed in, and without her the end was refused as anonymous — logged as an error for
     * every stream a closed Tasklist left. (HTTP Basic keeps its sign-in for that pass by itself.)
     */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() == null) {
            of(request).ifPresent(user -> {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new OfficeAuthentication(user, true));
                SecurityContextHolder.setContext(context);
            });
        }
        chain.doFilter(request, response);
    }
}
