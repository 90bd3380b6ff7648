package org.permanence.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for the sign-in tests: Spring Authorization Server on a free port of
 * this JVM, with a login form, discovery, JWKs, tokens (with refresh), userinfo and sign-out. Its people
 * are claire (secretary, serving cabinet-martin) and nadia (manager); a test changes their groups while
 * it runs, as an administrator would at the office's provider. Two API clients get tokens of their own
 * (client credentials): {@code office-reports} as a secretary of cabinet-martin, {@code stranger-app} the
 * same but meant for another audience. Not a Spring {@code @Configuration}: the office's own scan of
 * {@code org.permanence} must never pick it up.
 */
public final class TestProvider implements AutoCloseable {

    public static final String CLIENT_ID = "permanence";
    public static final String CLIENT_SECRET = "permanence-Secret-1";
    public static final String REPORTS = "office-reports";
    public static final String STRANGER = "stranger-app";
    /** An API client's secret is its id and this (the provider refuses two clients with one secret). */
    public static final String API_SECRET = "-api-Secret-1";
    public static final String PASSWORD = "provider-Secret-1";
    public static final String SECRETARIES = "office-secretaries";
    public static final String MANAGERS = "office-managers";

    /** Each person's groups at the provider, as the token customizer reads them at every token. */
    private final Map<String, List<String>> groups = new ConcurrentHashMap<>(Map.of(
            "claire", List.of(SECRETARIES, "client:cabinet-martin"),
            "nadia", List.of(MANAGERS)));
    private final RSAKey key = newKey();
    private final ConfigurableApplicationContext context;
    private final String issuer;

    /** Starts the provider for an office at {@code officeBaseUrl}, which it sends people back to. */
    public TestProvider(String officeBaseUrl) {
        context = new SpringApplicationBuilder(Server.class)
                .web(WebApplicationType.SERVLET)
                .initializers(app -> app.getBeanFactory().registerSingleton("testProvider", this))
                .run("--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
                        // not the office's application.yaml
                        "--spring.config.name=test-provider",
                        // the browser shares its cookies between ports of one host: not the office's JSESSIONID
                        "--server.servlet.session.cookie.name=PROVIDER_SESSION",
                        "--test-provider.office=" + officeBaseUrl);
        issuer = "http://127.0.0.1:" + ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    public String issuer() {
        return issuer;
    }

    /** As an administrator would at the provider: she is no longer in these groups from now on. */
    public void setGroups(String person, List<String> theirGroups) {
        groups.put(person, List.copyOf(theirGroups));
    }

    public List<String> groupsOf(String person) {
        return groups.get(person);
    }

    /** A token signed with the provider's own key, with whatever claims an attacker or a clock would give it. */
    public String sign(String tokenIssuer, Instant issuedAt, Instant expiresAt, Map<String, Object> claims) {
        return sign(key, tokenIssuer, issuedAt, expiresAt, claims);
    }

    /** A token signed with a key of another provider. */
    public static String signElsewhere(String tokenIssuer, Instant issuedAt, Instant expiresAt, Map<String, Object> claims) {
        return sign(newKey(), tokenIssuer, issuedAt, expiresAt, claims);
    }

    private static String sign(RSAKey key, String tokenIssuer, Instant issuedAt, Instant expiresAt, Map<String, Object> claims) {
        JwtClaimsSet.Builder set = JwtClaimsSet.builder().issuer(tokenIssuer).issuedAt(issuedAt).expiresAt(expiresAt)
                .subject(REPORTS).audience(List.of(REPORTS));
        claims.forEach(set::claim);
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build(),
                set.build())).getTokenValue();
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    @EnableWebSecurity
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
            JacksonAutoConfiguration.class})
    static class Server {

        @Bean
        @Order(1)
        SecurityFilterChain endpoints(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
            return http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(rules -> rules.anyRequest().authenticated())
                    .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                    // userinfo takes the access token
                    .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
                    .build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain signInForm(HttpSecurity http) throws Exception {
            // its error page shows the error, rather than sending the browser to sign in
            return http.authorizeHttpRequests(rules -> rules.requestMatchers("/error").permitAll().anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults())
                    .build();
        }

        @Bean
        UserDetailsService people() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("claire").password("{noop}" + PASSWORD).roles("USER").build(),
                    User.withUsername("nadia").password("{noop}" + PASSWORD).roles("USER").build());
        }

        @Bean
        RegisteredClientRepository clients(org.springframework.core.env.Environment environment) {
            String office = environment.getRequiredProperty("test-provider.office");
            RegisteredClient permanence = RegisteredClient.withId(CLIENT_ID).clientId(CLIENT_ID).clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .redirectUri(office + "/login/oauth2/code/office")
                    .postLogoutRedirectUri(office + "/")
                    .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                    .build();
            return new InMemoryRegisteredClientRepository(permanence, apiClient(REPORTS), apiClient(STRANGER));
        }

        private static RegisteredClient apiClient(String id) {
            return RegisteredClient.withId(id).clientId(id).clientSecret("{noop}" + id + API_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scope("office.api")
                    .build();
        }

        /** Every token names the person and carries her groups as they are now; API clients: a secretary of cabinet-martin. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> groups(TestProvider provider) {
            return context -> {
                if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                    context.getClaims().claim("groups", List.of(SECRETARIES, "client:cabinet-martin"));
                    return;
                }
                String person = context.getPrincipal().getName();
                context.getClaims().claim("preferred_username", person)
                        .claim("groups", provider.groups.getOrDefault(person, List.of()));
            };
        }

        @Bean
        JWKSource<SecurityContext> keys(TestProvider provider) {
            return new ImmutableJWKSet<>(new JWKSet(provider.key));
        }

        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
