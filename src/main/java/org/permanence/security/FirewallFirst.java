package org.permanence.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The firewall, before anything reads the path: Spring Security parses it for its rules ahead of its own
 * firewall, and a path such as {@code /engine-rest;x=y/task}, which the servlet container maps to the
 * engine REST API, makes that parsing fail with a 500. Refused here with 400, like every path the
 * firewall refuses.
 */
class FirewallFirst extends OncePerRequestFilter {

    private final HttpFirewall firewall;

    FirewallFirst(HttpFirewall firewall) {
        this.firewall = firewall;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException refused) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, refused.getMessage());
            return;
        }
        chain.doFilter(request, response);
    }
}
