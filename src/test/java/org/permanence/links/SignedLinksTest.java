package org.permanence.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** Signing and checking links on a database of their own (in-memory H2 with the real migration). */
@Tag("unit")
class SignedLinksTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final String SECRET = "a-configured-secret-of-32-characters-or-more";

    private JdbcClient jdbc;
    private SignedLinks links;

    @BeforeEach
    void freshDatabase() {
        DriverManagerDataSource database = new DriverManagerDataSource("jdbc:h2:mem:links-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V6__signed_links.sql")).execute(database);
        jdbc = JdbcClient.create(database);
        links = linksWith(SECRET, NOW);
    }

    @Test
    void aValidLinkTellsWhatItWasSignedForAndWorksOnce() {
        String token = links.sign("appointment-1", "confirm", NOW.plus(Duration.ofDays(7)));

        LinkCheck looked = links.check(token, "confirm");
        LinkCheck first = links.use(token, "confirm");
        LinkCheck second = links.use(token, "confirm");

        assertThat(looked.outcome()).isEqualTo(LinkOutcome.VALID);
        assertThat(first.outcome()).isEqualTo(LinkOutcome.VALID);
        assertThat(first.subject()).isEqualTo("appointment-1");
        assertThat(first.action()).isEqualTo("confirm");
        assertThat(first.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(second.outcome()).isEqualTo(LinkOutcome.USED);
        assertThat(links.check(token, "confirm").outcome()).isEqualTo(LinkOutcome.USED);
    }

    @Test
    void lookingAtALinkDoesNotSpendIt() {
        String token = links.sign("appointment-1", "cancel", NOW.plusSeconds(60));

        links.check(token, "cancel");
        links.check(token, "cancel");

        assertThat(links.use(token, "cancel").outcome()).isEqualTo(LinkOutcome.VALID);
    }

    @Test
    void aLinkWhoseSubjectWasChangedIsTamperedAndStaysUnused() {
        String token = links.sign("appointment-1", "cancel", NOW.plusSeconds(3600));
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("appointment-1", "appointment-2").getBytes(StandardCharsets.UTF_8))
                + token.substring(token.indexOf('.'));

        assertThat(links.use(forged, "cancel").outcome()).isEqualTo(LinkOutcome.TAMPERED);
        assertThat(links.use(forged, "cancel").subject()).isNull();
        assertThat(links.use(token, "cancel").outcome()).isEqualTo(LinkOutcome.VALID);
    }

    @Test
    void aLinkWithALaterExpiryWrittenInIsTampered() {
        String token = links.sign("appointment-1", "confirm", NOW.plusSeconds(60));
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
        String later = payload.replace(String.valueOf(NOW.plusSeconds(60).getEpochSecond()),
                String.valueOf(NOW.plus(Duration.ofDays(365)).getEpochSecond()));
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(later.getBytes(StandardCharsets.UTF_8))
                + token.substring(token.indexOf('.'));

        assertThat(links.check(forged, "confirm").outcome()).isEqualTo(LinkOutcome.TAMPERED);
    }

    @Test
    void cutOrMadeUpTokensAreTampered() {
        String token = links.sign("appointment-1", "confirm", NOW.plusSeconds(60));

        assertThat(links.check(token.substring(0, token.length() - 3), "confirm").outcome()).isEqualTo(LinkOutcome.TAMPERED);
        assertThat(links.check(token.substring(0, token.indexOf('.')), "confirm").outcome()).isEqualTo(LinkOutcome.TAMPERED);
        assertThat(links.check("not a token at all!", "confirm").outcome()).isEqualTo(LinkOutcome.TAMPERED);
        assertThat(links.check("", "confirm").outcome()).isEqualTo(LinkOutcome.TAMPERED);
        assertThat(links.check(null, "confirm").outcome()).isEqualTo(LinkOutcome.TAMPERED);
    }

    @Test
    void aLinkSignedWithAnotherKeyIsTampered() {
        String token = linksWith("another-secret-also-of-32-characters-or-more", NOW).sign("appointment-1", "confirm", NOW.plusSeconds(60));

        assertThat(links.check(token, "confirm").outcome()).isEqualTo(LinkOutcome.TAMPERED);
    }

    @Test
    void anExpiredLinkIsRefusedAndStaysUnused() {
        String token = links.sign("appointment-1", "confirm", NOW.plus(Duration.ofHours(48)));
        SignedLinks twoDaysLater = linksWith(SECRET, NOW.plus(Duration.ofHours(48)));

        LinkCheck late = twoDaysLater.use(token, "confirm");

        assertThat(late.outcome()).isEqualTo(LinkOutcome.EXPIRED);
        assertThat(late.subject()).isEqualTo("appointment-1");
        assertThat(links.use(token, "confirm").outcome()).isEqualTo(LinkOutcome.VALID);
    }

    @Test
    void aLinkDoesOnlyTheActionItWasSignedFor() {
        String cancel = links.sign("appointment-1", "cancel", NOW.plusSeconds(3600));

        assertThat(links.use(cancel, "confirm").outcome()).isEqualTo(LinkOutcome.WRONG_ACTION);
        assertThat(links.use(cancel, "cancel").outcome()).isEqualTo(LinkOutcome.VALID);
    }

    @Test
    void subjectsMayHoldAnyCharacterAndActionsAreWords() {
        String token = links.sign("mail~42 é/?&", "approve", NOW.plusSeconds(60));

        assertThat(links.use(token, "approve").subject()).isEqualTo("mail~42 é/?&");
        assertThatThrownBy(() -> links.sign("x", "Confirm Now", NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> links.sign("", "confirm", NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConfiguredSecretMustBeLongEnoughAndTheAddressAbsolute() {
        assertThatThrownBy(() -> new LinkProperties("short", URI.create("http://localhost:8080")))
                .hasMessageContaining("PERMANENCE_LINKS_SECRET");
        assertThatThrownBy(() -> new LinkProperties("", URI.create("/rdv")))
                .hasMessageContaining("PERMANENCE_LINKS_PUBLIC_BASE_URL");
        assertThat(new LinkProperties("", URI.create("https://permanence.example.fr/")).at("/rdv/confirm?t=x"))
                .isEqualTo("https://permanence.example.fr/rdv/confirm?t=x");
    }

    private SignedLinks linksWith(String secret, Instant now) {
        LinkKey key = new LinkKey(new LinkProperties(secret, URI.create("http://localhost:8080")), jdbc);
        return new SignedLinks(key, jdbc, Clock.fixed(now, ZoneOffset.UTC));
    }
}
