package org.permanence.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.permanence.links.LinkProperties;
import org.permanence.system.EngineNode;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The office's one security mechanism, on engine nodes. Three chains: the engine REST API (HTTP Basic,
 * stateless, no cookies so no CSRF), Camunda's web applications (their own login, CSRF and headers), and
 * everything else — the office's API and pages (Tasklist session or HTTP Basic, CSRF token for
 * session changes, CSP), the public signed-link pages and webhooks, the actuator. Access rules:
 * {@link OfficeAccess}. Every chain runs the request as the signed-in person in the engine. With the
 * office's OpenID Connect provider configured, {@link ProviderSignIn} adds its sign-in, its bearer tokens
 * and the re-check of browser sessions to these chains.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EngineNode
class OfficeSecurity {

    /** Not Camunda's {@code XSRF-TOKEN}, which its webapps keep on /camunda: both live side by side. */
    static final String CSRF_COOKIE = "PERMANENCE-XSRF";
    static final String CSRF_HEADER = "X-PERMANENCE-XSRF";

    /** Our pages load their code, styles and Chart.js from here only, and are never framed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /**
     * The clients' booking pages, which their own websites embed (an iframe): the same policy, but any site
     * may frame them. Only these pages: everything else stays unframeable.
     */
    static final String FRAMEABLE_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors *");

    @Bean
    HttpFirewall firewall() {
        return new NeedlessEncodingFirewall();
    }

    @Bean
    FilterRegistrationBean<FirewallFirst> firewallFirst(HttpFirewall firewall) {
        FilterRegistrationBean<FirewallFirst> registration = new FilterRegistrationBean<>(new FirewallFirst(firewall));
        registration.setName("firewall-first");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRestChain(HttpSecurity http, IdentityService identity, ProviderSignIn signIn) throws Exception {
        stateless(http.securityMatcher(OfficeAccess.path("/engine-rest/**")))
                .authorizeHttpRequests(OfficeAccess::engineRest)
                .httpBasic(basic -> basic.realmName("Permanence"))
                .csrf(AbstractHttpConfigurer::disable)
                .addFilterAfter(new EngineAuthenticationForRequest(identity), AuthorizationFilter.class);
        signIn.engineRest(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain camundaWebappsChain(HttpSecurity http, ProviderSignIn signIn) throws Exception {
        // Tasklist, Cockpit and Admin sign people in, protect their forms and set their headers themselves; the client's
        // people (signed in by the portal into Camunda's session) may not use them
        stateless(http.securityMatcher(OfficeAccess.path("/camunda/**")))
                .authorizeHttpRequests(OfficeAccess::camundaWebapps)
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                // only to know who is signed in: a client's people are refused here
                .addFilterBefore(new TasklistSession(), AnonymousAuthenticationFilter.class);
        signIn.webapps(http);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain officeChain(HttpSecurity http, IdentityService identity, LinkProperties links, ProviderSignIn signIn) throws Exception {
        SignInAnswers answers = new SignInAnswers(signIn, links);
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieName(CSRF_COOKIE);
        tokens.setHeaderName(CSRF_HEADER);
        tokens.setCookieCustomizer(cookie -> cookie.path("/").sameSite("Strict"));
        RequestMatcher frameable = OfficeAccess.path(OfficeAccess.BOOKING_PAGES);
        RequestMatcher notFrameable = new NegatedRequestMatcher(frameable);
        stateless(http)
                .authorizeHttpRequests(OfficeAccess::office)
                .httpBasic(basic -> basic.authenticationEntryPoint(answers))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(answers).accessDeniedHandler(answers))
                .csrf(csrf -> csrf.csrfTokenRepository(tokens)
                        // the token as the cookie holds it: our scripts copy the cookie into the header
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(new BrowserSessionChanges(links.publicBaseUrl())))
                .headers(headers -> headers
                        // X-Frame-Options and the policy's frame-ancestors say the same; both give way on the booking pages only
                        .frameOptions(HeadersConfigurer.FrameOptionsConfig::disable)
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(notFrameable,
                                new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(notFrameable,
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(frameable,
                                new ContentSecurityPolicyHeaderWriter(FRAMEABLE_CONTENT_SECURITY_POLICY)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .addFilterAfter(new TasklistSession(), BasicAuthenticationFilter.class)
                .addFilterAfter(new CsrfCookie(), TasklistSession.class)
                .addFilterAfter(new EngineAuthenticationForRequest(identity), AuthorizationFilter.class);
        signIn.office(http);
        return http.build();
    }

    /** No Spring session: each request brings its credentials (Basic) or Camunda's session. */
    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        // no session management either: it would renew the session id of Camunda's session (and the CSRF
        // token) whenever it sees the Tasklist user, signing her out of Tasklist
        return http.sessionManagement(AbstractHttpConfigurer::disable)
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(AbstractHttpConfigurer::disable);
    }

    /**
     * A browser signed in by its session gets the token cookie with every answer, so our pages' scripts
     * (and Thymeleaf's forms) have it before their first change.
     */
    private static final class CsrfCookie extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (SecurityContextHolder.getContext().getAuthentication() instanceof OfficeAuthentication signedIn && signedIn.bySession()
                    && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
