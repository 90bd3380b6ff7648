package org.permanence.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.permanence.TestOffice;

/**
 * API clients with tokens of the office's OpenID Connect provider ({@link TestProvider}) on {@code /api}
 * and {@code /engine-rest}, beside HTTP Basic: a real token of the provider reads what its groups allow;
 * the attacks — a token of another issuer, expired, meant for another application, or of nobody in the
 * office's groups — are 401.
 */
// a node of its own (OidcOffice), in a JVM of its own: see pom.xml, tests-with-a-node-of-their-own
@Tag("own-node")
@Tag("node")
class ProviderBearerTokenTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> SECRETARY_OF_THE_GP = Map.of("groups", List.of(TestProvider.SECRETARIES, "client:cabinet-martin"));

    private static OidcOffice office;

    @BeforeAll
    static void startTheOffice() {
        office = OidcOffice.get();
    }

    @Test
    void aTokenOfTheProviderReadsTheClientsItsGroupsServe() throws Exception {
        String token = clientCredentials(TestProvider.REPORTS);

        HttpResponse<String> clients = get("/api/clients", "Bearer " + token);

        assertThat(clients.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(clients.body()).findValuesAsText("id")).containsExactly("cabinet-martin");
        assertThat(get("/engine-rest/task/count", "Bearer " + token).statusCode()).isEqualTo(200);
        // a secretary's token, not a manager's
        assertThat(get("/api/dashboard", "Bearer " + token).statusCode()).isEqualTo(403);
    }

    @Test
    void aTokenOfAnotherIssuerIs401() {
        Instant now = Instant.now();
        String elsewhere = TestProvider.signElsewhere("http://127.0.0.1:1/another", now, now.plusSeconds(300), SECRETARY_OF_THE_GP);
        // the provider's own key, but claiming another issuer
        String otherIssuer = office.provider().sign("http://127.0.0.1:1/another", now, now.plusSeconds(300), SECRETARY_OF_THE_GP);
        // another key, claiming to be the provider
        String forged = TestProvider.signElsewhere(office.provider().issuer(), now, now.plusSeconds(300), SECRETARY_OF_THE_GP);

        for (String token : List.of(elsewhere, otherIssuer, forged)) {
            for (String path : List.of("/api/clients", "/engine-rest/task/count")) {
                assertThat(get(path, "Bearer " + token).statusCode()).as(path).isEqualTo(401);
            }
        }
    }

    @Test
    void anExpiredTokenIs401() {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        String expired = office.provider().sign(office.provider().issuer(), anHourAgo, anHourAgo.plusSeconds(300), SECRETARY_OF_THE_GP);

        assertThat(get("/api/clients", "Bearer " + expired).statusCode()).isEqualTo(401);
        assertThat(get("/engine-rest/task/count", "Bearer " + expired).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenMeantForAnotherApplicationOrForNobodyOfTheOfficeIs401() throws Exception {
        // a real token of the provider, but for another application (audience stranger-app)
        assertThat(get("/api/clients", "Bearer " + clientCredentials(TestProvider.STRANGER)).statusCode()).isEqualTo(401);
        Instant now = Instant.now();
        String noGroup = office.provider().sign(office.provider().issuer(), now, now.plusSeconds(300), Map.of("groups", List.of("cleaners")));
        assertThat(get("/api/clients", "Bearer " + noGroup).statusCode()).isEqualTo(401);
        // the workers' service account signs in with its password only, never by a token naming it
        String worker = office.provider().sign(office.provider().issuer(), now, now.plusSeconds(300),
                Map.of("preferred_username", "permanence-worker", "groups", List.of(TestProvider.MANAGERS)));
        assertThat(get("/engine-rest/task/count", "Bearer " + worker).statusCode()).isEqualTo(401);
    }

    @Test
    void httpBasicStillSignsInLocalAccountsAndTheWorkers() {
        assertThat(get("/api/clients", basic("nadia", TestOffice.DEMO_PASSWORD)).statusCode()).isEqualTo(200);
        assertThat(get("/engine-rest/engine", basic("permanence-worker", TestOffice.WORKER_PASSWORD)).statusCode()).isEqualTo(200);
        assertThat(get("/engine-rest/engine", basic("permanence-worker", "wrong")).statusCode()).isEqualTo(401);
    }

    /**
     * The provider's table of docs/security.md, walked as anonymous, a local account (HTTP Basic), an API
     * client's bearer token (a secretary of cabinet-martin) and the workers' account. {@code provider}: a
     * redirect to the provider; {@code sign-in}: a redirect to the office's sign-in there.
     */
    @Test
    void everyoneGetsWhatTheProvidersAccessTableSays() throws Exception {
        Map<String, String> walkers = Map.of("Anonymous", "",
                "Local account", basic("claire", TestOffice.DEMO_PASSWORD),
                "Bearer token", "Bearer " + clientCredentials(TestProvider.REPORTS),
                "Worker account", basic("permanence-worker", TestOffice.WORKER_PASSWORD));
        List<AccessTableTest.Row> rows = AccessTableTest.table("oidc-access-table");
        assertThat(rows).as("rows of the provider's access table").isNotEmpty();
        SoftAssertions softly = new SoftAssertions();
        for (AccessTableTest.Row row : rows) {
            assertThat(row.expected().keySet()).containsExactlyInAnyOrderElementsOf(walkers.keySet());
            row.expected().forEach((column, expected) -> {
                HttpResponse<String> answer = call(row.method(), row.path(), walkers.get(column), row.body());
                String location = answer.headers().firstValue("Location").orElse("");
                String who = row.method() + " " + row.path() + " as " + column + ": " + answer.statusCode() + " " + location;
                switch (expected) {
                    case "provider" -> softly.assertThat(answer.statusCode() == 302 && location.startsWith(office.provider().issuer() + "/"))
                            .as(who).isTrue();
                    case "sign-in" -> softly.assertThat(answer.statusCode() == 302
                            && location.equals(office.baseUrl() + "/oauth2/authorization/office")).as(who).isTrue();
                    default -> softly.assertThat(answer.statusCode()).as(who).isEqualTo(Integer.parseInt(expected));
                }
            });
        }
        softly.assertAll();
    }

    private static String clientCredentials(String client) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(office.provider().issuer() + "/oauth2/token"))
                .header("Authorization", basic(client, client + TestProvider.API_SECRET))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=office.api")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode token = JSON.readTree(answer.body());
        return token.get("access_token").asText();
    }

    private static HttpResponse<String> get(String path, String authorization) {
        return call("GET", path, authorization, null);
    }

    private static HttpResponse<String> call(String method, String path, String authorization, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(office.baseUrl() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
