package org.permanence.people;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.permanence.system.EngineNode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who is calling the application's own API ({@code /api/**}) and pages ({@code /mail}, {@code /presence},
 * {@code /manage/**}): the person signed in to Tasklist in this browser, or HTTP Basic credentials
 * checked against the engine's users. The request then runs with that person's engine authentication, so Camunda's authorization
 * and tenant checks apply to everything it does.
 */
@Component
@EngineNode
class SignInFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = SignedInUser.class.getName();
    private static final String ENGINE = "default";

    private final IdentityService identity;

    SignInFilter(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/api/") || path.equals("/mail") || path.startsWith("/mail/")
                || path.equals("/presence") || path.startsWith("/presence/") || path.startsWith("/manage/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<SignedInUser> user = fromTasklistSession(request).or(() -> fromBasicCredentials(request));
        if (user.isEmpty()) {
            refuse(request, response);
            return;
        }
        request.setAttribute(ATTRIBUTE, user.get());
        identity.setAuthentication(user.get().id(), user.get().groups(), user.get().clients());
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }

    private Optional<SignedInUser> fromTasklistSession(HttpServletRequest request) {
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

    private Optional<SignedInUser> fromBasicCredentials(HttpServletRequest request) {
        return BasicCredentials.from(request.getHeader(HttpHeaders.AUTHORIZATION))
                .filter(credentials -> identity.checkPassword(credentials.userId(), credentials.password()))
                .map(credentials -> {
                    String userId = credentials.userId();
                    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
                    List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
                            .stream().map(Tenant::getId).toList();
                    return new SignedInUser(userId, groups, tenants);
                });
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Permanence\"");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"status\":401,\"title\":\"Unauthorized\",\"detail\":"
                    + "\"Sign in to Tasklist first, or send HTTP Basic credentials of a Permanence user.\"}");
        } else {
            // pages: the Tasklist login, then back here
            response.sendRedirect(request.getContextPath() + "/camunda/app/tasklist/default/");
        }
    }
}
