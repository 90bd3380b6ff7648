package org.permanence.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.permanence.links.LinkProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * What someone not signed in, or not allowed, is answered on the office's own paths: the API answers
 * with a problem (401 asking for HTTP Basic, or 403); a page sends her to sign in — at Tasklist's login,
 * or the office's OpenID Connect provider when there is one; the client portal's pages to the portal's own
 * sign-in — at the office's configured public address, never at whatever the request's {@code Host} said.
 */
class SignInAnswers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProviderSignIn signIn;
    private final LinkProperties links;

    SignInAnswers(ProviderSignIn signIn, LinkProperties links) {
        this.signIn = signIn;
        this.links = links;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused) throws IOException {
        if (api(request)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Permanence\"");
            problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "Sign in to Tasklist first, or send HTTP Basic credentials of a Permanence user.");
        } else if (portal(request)) {
            response.sendRedirect(links.at(PortalSignIn.PATH));
        } else {
            response.sendRedirect(signIn.signInPage(request, response));
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused) throws IOException {
        if (api(request)) {
            problem(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                    "Your account may not do this (a missing or stale CSRF token on a signed-in browser's change, or not your role).");
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Your account may not open this page");
        }
    }

    private static boolean portal(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/portail");
    }

    private static boolean api(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || request.getRequestURI().startsWith(request.getContextPath() + "/actuator/");
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"status\":" + status + ",\"title\":\"" + title + "\",\"detail\":\"" + detail + "\"}");
    }
}
