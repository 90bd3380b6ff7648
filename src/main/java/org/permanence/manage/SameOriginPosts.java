package org.permanence.manage;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.permanence.system.EngineNode;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The managers' pages change the office with plain HTML forms, signed in by the Tasklist session
 * cookie: a form posted from another site must not ride on that cookie. Browsers send {@code Origin}
 * with every form POST; a foreign one is refused.
 */
@Component
@EngineNode
class SameOriginPosts extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().startsWith(request.getContextPath() + "/manage/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !sameHost(origin, request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "A form of another site may not change the office");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean sameHost(String origin, HttpServletRequest request) {
        try {
            URI from = URI.create(origin);
            String host = request.getHeader(HttpHeaders.HOST);
            return host != null && host.equalsIgnoreCase(from.getAuthority());
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }
}
