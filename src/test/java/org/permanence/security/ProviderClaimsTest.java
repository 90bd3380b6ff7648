package org.permanence.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.permanence.people.SignedInUser;

/** What the provider's claims make of someone here: the groups and clients it names, nothing more. */
@Tag("unit")
class ProviderClaimsTest {

    private final ProviderClaims claims = new ProviderClaims(new ProviderProperties(URI.create("https://id.example.fr/realms/office"),
            "permanence", "secret", List.of("openid"), "preferred_username", "groups", "office-secretaries", "office-managers",
            "groups", "client:", Duration.ofSeconds(30), List.of()), "permanence-worker");

    @Test
    void aSecretaryServesTheClientsHerGroupsName() {
        assertThat(claims.person(Map.of("preferred_username", "claire",
                "groups", List.of("office-secretaries", "client:cabinet-martin", "client:", "cleaners", "cabinet-durand"))))
                .contains(new SignedInUser("claire", List.of("secretaries"), List.of("cabinet-martin")));
    }

    @Test
    void aManagerMayBeASecretaryToo() {
        assertThat(claims.person(Map.of("preferred_username", "nadia", "groups", "office-managers office-secretaries")))
                .map(SignedInUser::groups).contains(List.of("secretaries", "managers"));
    }

    @Test
    void someoneInNeitherGroupIsNobodyHere() {
        assertThat(claims.person(Map.of("preferred_username", "paul", "groups", List.of("client:cabinet-martin")))).isEmpty();
        assertThat(claims.person(Map.of("preferred_username", "paul"))).isEmpty();
        // the office's own group names mean nothing unless the provider's are configured so
        assertThat(claims.person(Map.of("preferred_username", "paul", "groups", List.of("managers", "secretaries")))).isEmpty();
    }

    @Test
    void theWorkersServiceAccountNeverSignsInThroughTheProvider() {
        assertThat(claims.person(Map.of("preferred_username", "permanence-worker", "groups", List.of("office-managers")))).isEmpty();
        assertThat(claims.person(Map.of("preferred_username", "permanence@worker", "groups", List.of("office-managers")))).isEmpty();
    }

    @Test
    void aNameTheEngineCannotHoldIsMadeOneItCan() {
        assertThat(claims.person(Map.of("preferred_username", "claire@cabinet.example.fr", "groups", List.of("office-secretaries"))))
                .map(SignedInUser::id).contains("claire-cabinet.example.fr");
        assertThat(claims.person(Map.of("preferred_username", "../admin", "groups", List.of("office-managers")))).isEmpty();
        assertThat(claims.person(Map.of("sub", "248289761001", "groups", List.of("office-managers"))))
                .map(SignedInUser::id).contains("248289761001");
    }
}
