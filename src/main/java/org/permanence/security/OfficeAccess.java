package org.permanence.security;

import static org.springframework.security.authorization.AuthenticatedAuthorizationManager.authenticated;
import static org.springframework.security.authorization.AuthorityAuthorizationManager.hasAnyRole;
import static org.springframework.security.authorization.AuthorityAuthorizationManager.hasRole;
import static org.springframework.security.authorization.AuthorizationManagers.allOf;
import static org.springframework.security.authorization.AuthorizationManagers.anyOf;
import static org.springframework.security.authorization.AuthorizationManagers.not;

import java.util.Arrays;

import org.permanence.people.Groups;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what, in one place: every path of the engine REST API, the office's API and pages, the
 * public pages and the actuator. docs/security.md shows the same table to people, and AccessTableTest
 * walks it as every kind of user. What depends on data (which clients a secretary serves, whose task
 * it is) is checked where the data is read, and the engine's own authorizations and tenant checks still
 * apply beneath these rules.
 */
final class OfficeAccess {

    /** Runs the office: managers, and Camunda's own administrators. */
    static final AuthorizationManager<RequestAuthorizationContext> MANAGER = hasAnyRole(Groups.MANAGERS, Groups.CAMUNDA_ADMIN);
    /** The external-task workers' service accounts. */
    static final AuthorizationManager<RequestAuthorizationContext> WORKER = hasRole(Groups.WORKERS);
    /** A client's own people: the client portal, nowhere else (not the engine, not the office's API or pages). */
    static final AuthorizationManager<RequestAuthorizationContext> CLIENT_USER = hasRole(Groups.CLIENT_USERS);
    /** Anyone signed in but a client's people: the engine REST API's users (the engine's authorizations then apply). */
    static final AuthorizationManager<RequestAuthorizationContext> OFFICE = allOf(authenticated(), not(CLIENT_USER));
    /** A signed-in person of the office: the workers' service account talks to the engine REST API, nowhere else. */
    static final AuthorizationManager<RequestAuthorizationContext> PERSON = allOf(OFFICE, not(WORKER));

    /** The clients' public booking pages, the only pages other sites may frame. */
    static final String BOOKING_PAGES = "/reserver/**";

    private static final String[] ENGINE_PREFIXES = {"/engine-rest", "/engine-rest/engine/*"};
    private static final String[] EXTERNAL_TASK_WORK = {"/external-task/fetchAndLock", "/external-task/*/complete",
            "/external-task/*/failure", "/external-task/*/bpmnError", "/external-task/*/extendLock"};

    private OfficeAccess() {
    }

    /** {@code /engine-rest/**}: signed in by HTTP Basic, then the engine's authorizations; a few paths narrower. */
    static void engineRest(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(engine(HttpMethod.POST, EXTERNAL_TASK_WORK)).access(WORKER)
                .requestMatchers(engine(HttpMethod.GET, "/external-task/**")).access(anyOf(WORKER, MANAGER))
                .requestMatchers(engine(null, "/external-task/**", "/job/**", "/job-definition/**", "/history/cleanup/**",
                        "/batch/**")).access(MANAGER)
                .anyRequest().access(OFFICE);
    }

    /**
     * {@code /camunda/**}: Tasklist, Cockpit and Admin sign people in and check their own application rights; a
     * client's people, signed in by the portal into the same session, are refused the webapps and their API.
     */
    static void camundaWebapps(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.anyRequest().access(not(CLIENT_USER));
    }

    /** The office's own API and pages, the public pages and webhooks, the actuator. */
    static void office(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules
                // verified by their own checks: a signed link's token, a provider's signature
                .requestMatchers(paths(null, "/", "/error", "/rdv/**", "/depot", "/links/**", "/webhooks/**")).permitAll()
                // the clients' booking pages: open to all, guarded by their own abuse rules (booking.AbuseRules)
                .requestMatchers(paths(null, BOOKING_PAGES)).permitAll()
                // the pages' code and looks (no data)
                .requestMatchers(paths(null, "/webjars/**", "/*.css", "/*.js", "/favicon.ico")).permitAll()
                // the status for load balancers; details only to those who watch the office
                .requestMatchers(paths(null, "/actuator/health", "/actuator/info")).permitAll()
                .requestMatchers(paths(null, "/actuator/health/**", "/actuator/prometheus"))
                        .access(anyOf(MANAGER, hasRole(Groups.METRICS)))
                .requestMatchers(paths(null, "/actuator/**")).denyAll()
                // the client portal: its sign-in page is open (throttled like every sign-in); the rest is the client's
                // people's, each seeing only its own client, which the portal reads from her one tenant
                .requestMatchers(paths(null, "/portail/connexion")).permitAll()
                .requestMatchers(paths(null, "/portail", "/portail/**")).access(CLIENT_USER)
                // running the office
                .requestMatchers(paths(null, "/manage/**", "/api/dashboard", "/api/processes/*/migration")).access(MANAGER)
                // which systems outside the office take its tasks: the managers' business, not the secretaries'
                .requestMatchers(paths(null, "/api/outside-topics", "/api/outside-topics/**")).access(MANAGER)
                .requestMatchers(paths(HttpMethod.POST, "/api/clients")).access(MANAGER)
                // personal data: retention, what is held of a caller, erasure, export, who read what
                .requestMatchers(paths(null, "/api/clients/*/retention", "/api/clients/*/callers", "/api/clients/*/callers/**",
                        "/api/clients/*/erasures", "/api/clients/*/erasures/**", "/api/clients/*/access-log")).access(MANAGER)
                .requestMatchers(paths(HttpMethod.PUT, "/api/clients/*", "/api/clients/*/task-times", "/api/clients/*/closures",
                        "/api/clients/*/letterhead", "/api/clients/*/letterhead/logo", "/api/clients/*/mail-drafting",
                        "/api/clients/*/templates/*")).access(MANAGER)
                .requestMatchers(paths(HttpMethod.DELETE, "/api/clients/*/templates/*")).access(MANAGER)
                // the secretaries' work; which clients each one sees is decided by the data
                .requestMatchers(paths(null, "/api/**", "/mail", "/mail/**", "/presence", "/presence/**", "/documents.html"))
                        .access(PERSON)
                // anything else (a path added later and forgotten here) needs a sign-in at least, of the office's
                .anyRequest().access(OFFICE);
    }

    private static RequestMatcher[] engine(HttpMethod method, String... paths) {
        return Arrays.stream(ENGINE_PREFIXES)
                .flatMap(prefix -> Arrays.stream(paths).map(path -> prefix + path))
                .map(path -> PathPatternRequestMatcher.withDefaults().matcher(method, path))
                .toArray(RequestMatcher[]::new);
    }

    static RequestMatcher path(String path) {
        return PathPatternRequestMatcher.withDefaults().matcher(path);
    }

    static RequestMatcher[] paths(HttpMethod method, String... paths) {
        return Arrays.stream(paths).map(path -> PathPatternRequestMatcher.withDefaults().matcher(method, path))
                .toArray(RequestMatcher[]::new);
    }
}
