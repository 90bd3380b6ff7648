package org.permanence.security;

import org.permanence.links.LinkProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The office's application at its provider, read from the provider's discovery document when first
 * needed rather than at start-up: a node starts (and serves local accounts) while the provider is
 * unreachable, and asks again at the next sign-in. The address the provider sends people back to is
 * the office's configured public address, never the request's {@code Host}.
 */
final class ProviderRegistration implements ClientRegistrationRepository {

    static final String ID = "office";

    private final ProviderProperties provider;
    private final LinkProperties links;
    private volatile ClientRegistration registration;

    ProviderRegistration(ProviderProperties provider, LinkProperties links) {
        this.provider = provider;
        this.links = links;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        return ID.equals(registrationId) ? get() : null;
    }

    ClientRegistration get() {
        ClientRegistration known = registration;
        if (known == null) {
            known = ClientRegistrations.fromIssuerLocation(provider.issuerUri().toString())
                    .registrationId(ID)
                    .clientId(provider.clientId())
                    .clientSecret(provider.clientSecret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .scope(provider.scopes())
                    .redirectUri(links.at("/login/oauth2/code/" + ID))
                    .userNameAttributeName("sub")
                    .build();
            registration = known;
        }
        return known;
    }
}
