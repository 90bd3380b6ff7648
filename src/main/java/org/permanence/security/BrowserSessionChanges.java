package org.permanence.security;

import java.net.URI;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The requests that need a CSRF token: those that change something and that a browser could send for a
 * page of another site — signed in by the Tasklist session cookie, which browsers attach to any site's
 * request, or with HTTP Basic credentials a browser remembered and replays for another site (it then says
 * so: {@code Sec-Fetch-Site: cross-site}, or an {@code Origin} that is not the office's). A script or API
 * client with Basic credentials of its own needs no token.
 */
class BrowserSessionChanges implements RequestMatcher {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final String officeOrigin;

    /** {@code publicBaseUrl}: the office's configured address; its scheme, host and port are its origin. */
    BrowserSessionChanges(URI publicBaseUrl) {
        this.officeOrigin = publicBaseUrl.getScheme() + "://" + publicBaseUrl.getRawAuthority();
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        if (SAFE.contains(request.getMethod())) {
            return false;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return fromAnotherSite(request);
        }
        return TasklistSession.of(request).isPresent();
    }

    private boolean fromAnotherSite(HttpServletRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        return "cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))
                || (origin != null && !origin.equalsIgnoreCase(officeOrigin));
    }
}
