package org.permanence.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in through the office's OpenID Connect provider (Google Workspace, Microsoft Entra ID, Keycloak…),
 * off while {@code issuerUri} is empty. {@code clientId}, {@code clientSecret} and {@code scopes}: the
 * application registered at the provider. {@code userIdClaim}: the claim that names the person here (her
 * engine user; characters an engine id cannot hold become {@code -}). {@code groupsClaim} with
 * {@code secretariesGroup} and {@code managersGroup}: who is a secretary or a manager; {@code clientsClaim}
 * values starting with {@code clientsPrefix}: the clients (tenants) she serves. {@code recheckEvery}: how
 * long the provider's word is trusted before a browser session asks it again (refresh token) — removing
 * her group there ends her session here at her first request after that. {@code audiences}: bearer tokens
 * must name one of these (empty: any token of the issuer that carries the groups).
 */
@ConfigurationProperties("permanence.oidc")
public record ProviderProperties(URI issuerUri, String clientId, String clientSecret,
                                 @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
                                 @DefaultValue("preferred_username") String userIdClaim,
                                 @DefaultValue("groups") String groupsClaim,
                                 @DefaultValue("secretaries") String secretariesGroup,
                                 @DefaultValue("managers") String managersGroup,
                                 @DefaultValue("groups") String clientsClaim,
                                 @DefaultValue("client:") String clientsPrefix,
                                 @DefaultValue("30s") Duration recheckEvery,
                                 @DefaultValue List<String> audiences) {

    public ProviderProperties {
        if (issuerUri != null && !issuerUri.toString().isBlank() && (clientId == null || clientId.isBlank())) {
            throw new IllegalArgumentException("permanence.oidc.client-id (PERMANENCE_OIDC_CLIENT_ID) is needed with "
                    + "permanence.oidc.issuer-uri: the application registered at the provider");
        }
    }

    /** Sign-in through the provider is on. */
    public boolean enabled() {
        return issuerUri != null && !issuerUri.toString().isBlank();
    }
}
