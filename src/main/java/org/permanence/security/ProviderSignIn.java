package org.permanence.security;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.permanence.links.LinkProperties;
import org.permanence.people.PeopleProperties;
import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sign-in through the office's OpenID Connect provider ({@link ProviderProperties}), when configured;
 * otherwise nothing here changes a chain. A browser signs in there ({@code oauth2Login}), the engine's
 * identity follows what the provider says ({@link ProviderIdentities}) and she gets a Camunda webapp
 * session, the one Tasklist, Cockpit, Admin and our pages already share ({@link TasklistSession}). The
 * provider is asked again with her refresh token every {@code recheck-every}: removed there, her session
 * ends here. Bearer tokens of the same issuer sign API clients in on {@code /api} and {@code /engine-rest}
 * beside HTTP Basic, which local accounts and the workers' service account keep. Signing out here signs
 * out at the provider too when it has an {@code end_session_endpoint}.
 */
@Component
@EngineNode
class ProviderSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderSignIn.class);
    /** Tasklist, Cockpit, Admin and the welcome page, each page a browser opens (not their scripts or API). */
    private static final Pattern WEBAPP_PAGE = Pattern.compile("/camunda/(app/([^/]+/){0,2})?");
    private static final String TASKLIST = "/camunda/app/tasklist/default/";
    private static final String ID_TOKEN_HINT = ProviderSignIn.class.getName() + ".idTokenHint";

    private final ProviderProperties provider;
    private final LinkProperties links;
    private final ProcessEngine engine;
    private final MessageSource texts;
    private final ProviderClaims claims;
    private final ProviderIdentities identities;
    private final ProviderRegistration registration;
    /** One for both chains that take bearer tokens; null while the provider is off. */
    private final JwtDecoder bearerTokens;
    private final HttpSessionOAuth2AuthorizedClientRepository authorizedClients = new HttpSessionOAuth2AuthorizedClientRepository();
    private final RequestCache pages = new HttpSessionRequestCache();
    private final RestClientRefreshTokenTokenResponseClient refresher = new RestClientRefreshTokenTokenResponseClient();
    private final DefaultOAuth2UserService userInfo = new DefaultOAuth2UserService();
    private final OidcIdTokenDecoderFactory idTokens = new OidcIdTokenDecoderFactory();
    private final Clock clock = Clock.systemUTC();

    ProviderSignIn(ProviderProperties provider, LinkProperties links, PeopleProperties people, ProcessEngine engine, MessageSource texts) {
        this.provider = provider;
        this.links = links;
        this.engine = engine;
        this.texts = texts;
        this.claims = new ProviderClaims(provider, people.workerUser());
        this.identities = new ProviderIdentities(engine.getIdentityService());
        this.registration = new ProviderRegistration(provider, links);
        this.bearerTokens = provider.enabled() ? bearerDecoder() : null;
    }

    /** Where a browser not signed in goes: the provider (then back to the page she asked for), else Tasklist's login. */
    String signInPage(HttpServletRequest request, HttpServletResponse response) {
        if (!provider.enabled()) {
            return links.at(TASKLIST);
        }
        if ("GET".equals(request.getMethod())) {
            pages.saveRequest(request, response);
        }
        return links.at("/oauth2/authorization/" + ProviderRegistration.ID);
    }

    /** {@code /engine-rest}: bearer tokens beside HTTP Basic. */
    void engineRest(HttpSecurity http) throws Exception {
        if (provider.enabled()) {
            http.oauth2ResourceServer(this::bearer);
        }
    }

    /** Camunda's webapps: their pages sign in at the provider, and her session is checked there again. */
    void webapps(HttpSecurity http) throws Exception {
        if (provider.enabled()) {
            http.addFilterBefore(new Recheck(), AuthorizationFilter.class)
                    .addFilterAfter(new WebappsSignIn(), Recheck.class);
        }
    }

    /** Our API and pages: the provider's sign-in and sign-out, bearer tokens, and the re-check. */
    void office(HttpSecurity http) throws Exception {
        if (!provider.enabled()) {
            return;
        }
        http.oauth2Login(login -> login.clientRegistrationRepository(registration)
                        .authorizedClientRepository(authorizedClients)
                        .loginPage("/oauth2/authorization/" + ProviderRegistration.ID)
                        .successHandler(this::signedIn)
                        .failureHandler(this::notSignedIn))
                .oauth2ResourceServer(this::bearer)
                .logout(logout -> logout
                        .addLogoutHandler((request, response, authentication) -> ProviderSession.of(request)
                                .ifPresent(session -> request.setAttribute(ID_TOKEN_HINT, session.idToken())))
                        .logoutSuccessHandler((request, response, authentication) -> response.sendRedirect(signedOut(request))))
                // our pages' forms may lead to the provider: signing out goes on to its end_session_endpoint
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        OfficeSecurity.CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self' " + providerOrigin()))))
                .addFilterBefore(new Recheck(), TasklistSession.class);
    }

    private String providerOrigin() {
        URI issuer = provider.issuerUri();
        return issuer.getScheme() + "://" + issuer.getRawAuthority();
    }

    private void bearer(OAuth2ResourceServerConfigurer<HttpSecurity> server) {
        server.jwt(jwt -> jwt.decoder(bearerTokens).jwtAuthenticationConverter(this::bearerUser));
    }

    /** Read from the issuer's discovery document at the first token, like the registration. */
    private JwtDecoder bearerDecoder() {
        String issuer = provider.issuerUri().toString();
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(issuer);
            List<String> audiences = provider.audiences();
            decoder.setJwtValidator(audiences.isEmpty() ? JwtValidators.createDefaultWithIssuer(issuer)
                    : new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                            new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                                    named -> named != null && named.stream().anyMatch(audiences::contains))));
            return decoder;
        });
    }

    private AbstractAuthenticationToken bearerUser(Jwt token) {
        SignedInUser user = claims.person(token.getClaims())
                .orElseThrow(() -> new InvalidBearerTokenException("The token names no secretary or manager of this office"));
        return new OfficeAuthentication(user, false);
    }

    private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication) throws IOException {
        OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
        OidcUser told = (OidcUser) token.getPrincipal();
        OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(ProviderRegistration.ID, token, request);
        SavedRequest asked = pages.getRequest(request, response);
        Optional<SignedInUser> person = claims.person(told.getClaims());
        if (person.isEmpty() || client == null) {
            LOG.info("Provider sign-in refused: {} is in neither the secretaries' nor the managers' group", told.getSubject());
            endSession(request);
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "signIn.provider.refused");
            return;
        }
        SignedInUser user = identities.follow(person.get(), told.getClaims());
        // a new session id (Camunda's own login does the same): none chosen before the sign-in survives it
        AuthenticationUtil.revalidateSession(request, AuthenticationUtil.createAuthentication(engine, user.id(), user.groups(), user.clients()));
        new ProviderSession(client.getAccessToken(), client.getRefreshToken(), told.getIdToken().getTokenValue(), clock.instant())
                .keepIn(request.getSession());
        response.sendRedirect(links.at(pageAsked(asked)));
    }

    /** The path and query of the page she asked for, on the office's address; Tasklist if none. */
    private static String pageAsked(SavedRequest asked) {
        if (asked == null) {
            return TASKLIST;
        }
        URI page = URI.create(asked.getRedirectUrl());
        String path = page.getRawPath();
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            return TASKLIST;
        }
        return page.getRawQuery() == null ? path : path + "?" + page.getRawQuery();
    }

    private void notSignedIn(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused) throws IOException {
        LOG.info("Provider sign-in failed: {}", refused.getMessage());
        refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "signIn.provider.failed");
    }

    private void refuse(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(texts.getMessage(text, null, LocaleContextHolder.getLocale()));
    }

    /** Where the browser goes once signed out here: the provider's sign-out, then back to the office. */
    private String signedOut(HttpServletRequest request) {
        String home = links.at("/");
        Object endSession = registration.get().getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
        if (!(endSession instanceof String endpoint) || !(request.getAttribute(ID_TOKEN_HINT) instanceof String idToken)) {
            return home;
        }
        return UriComponentsBuilder.fromUriString(endpoint)
                .queryParam("id_token_hint", idToken)
                .queryParam("client_id", provider.clientId())
                .queryParam("post_logout_redirect_uri", home)
                .encode().build().toUriString();
    }

    private static void endSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyEnded) {
                // another request of the same browser ended it first
            }
        }
    }

    /**
     * Asks the provider again when her last confirmation is older than {@code recheck-every}; a refusal, an
     * answer that no longer makes her a secretary or manager, or no answer at all ends her session (closed,
     * rather than trusting someone the provider may have removed).
     */
    private boolean stillWelcome(HttpServletRequest request, ProviderSession signedIn) {
        synchronized (signedIn) {
            if (!signedIn.due(clock.instant(), provider.recheckEvery())) {
                return true;
            }
            try {
                ClientRegistration client = registration.get();
                OAuth2AccessToken access = signedIn.accessToken();
                OAuth2RefreshToken refresh = null;
                String idToken = null;
                Map<String, Object> told;
                if (signedIn.refreshToken() != null) {
                    OAuth2AccessTokenResponse answer = refresher.getTokenResponse(
                            new OAuth2RefreshTokenGrantRequest(client, access, signedIn.refreshToken()));
                    access = answer.getAccessToken();
                    refresh = answer.getRefreshToken();
                    if (answer.getAdditionalParameters().get(OidcParameterNames.ID_TOKEN) instanceof String renewed) {
                        idToken = renewed;
                    }
                }
                told = idToken != null ? idTokens.createDecoder(client).decode(idToken).getClaims()
                        : userInfo.loadUser(new OAuth2UserRequest(client, access)).getAttributes();
                Optional<SignedInUser> person = claims.person(told);
                String here = TasklistSession.of(request).map(SignedInUser::id).orElse(null);
                if (here == null) {
                    // another request of her browser ended the session meanwhile
                    return false;
                }
                if (person.isEmpty() || !person.get().id().equals(here)) {
                    LOG.info("Session of {} ended: the provider no longer makes her a secretary or manager", here);
                    if (claims.id(told).filter(here::equals).isPresent()) {
                        identities.withdraw(here);
                    }
                    return false;
                }
                SignedInUser user = identities.follow(person.get(), told);
                HttpSession session = request.getSession();
                Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
                authentications.addOrReplace(AuthenticationUtil.createAuthentication(engine, user.id(), user.groups(), user.clients()));
                AuthenticationUtil.updateSession(session, authentications);
                signedIn.confirmed(access, refresh, idToken, clock.instant());
                return true;
            } catch (OAuth2AuthorizationException | OAuth2AuthenticationException | JwtException | RestClientException refused) {
                LOG.info("Session ended: the provider did not confirm it ({})", refused.getMessage());
                return false;
            }
        }
    }

    private final class Recheck extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Optional<ProviderSession> signedIn = ProviderSession.of(request);
            if (signedIn.isPresent() && TasklistSession.of(request).isEmpty()) {
                ProviderSession.forget(request);
            } else if (signedIn.isPresent() && !stillWelcome(request, signedIn.get())) {
                endSession(request);
            }
            chain.doFilter(request, response);
        }
    }

    /** A webapp page opened without a session goes to the provider rather than to Camunda's password form. */
    private final class WebappsSignIn extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if ("GET".equals(request.getMethod()) && WEBAPP_PAGE.matcher(path).matches() && TasklistSession.of(request).isEmpty()) {
                response.sendRedirect(signInPage(request, response));
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
