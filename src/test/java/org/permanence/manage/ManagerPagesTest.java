package org.permanence.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestOffice;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The managers' pages speak the language of the user's profile, else her browser's; secretaries may
 * not open them; a form posted from another site is refused.
 */
@OfficeIntegrationTest
class ManagerPagesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String base = SharedNode.baseUrl();

    @Autowired
    IdentityService identity;

    @Test
    void thePagesSpeakTheBrowsersLanguageUnlessTheProfileChoseOne() throws Exception {
        assertThat(page("/manage/clients/new", "fr-FR,fr;q=0.9").body()).contains("<h1>Nouveau client</h1>", "lang=\"fr\"");
        assertThat(page("/manage/clients/new", "en-GB,en;q=0.9").body()).contains("<h1>New client</h1>");
        assertThat(page("/manage/dashboard", "de-DE,en;q=0.5").body()).contains("<h1>Dashboard</h1>");
        assertThat(page("/manage/processes/call-intake/migration", "fr").body()).contains("Versions : Prise d&#39;appel", "Version la plus récente : ");
        try {
            assertThat(TestOffice.call("PUT", base + "/api/me/language", "nadia", DEMO_PASSWORD, "{\"language\": \"en\"}").statusCode())
                    .isEqualTo(200);
            assertThat(page("/manage/clients/new", "fr").body()).contains("<h1>New client</h1>");
        } finally {
            identity.deleteUserInfo("nadia", PageTexts.PROFILE_LANGUAGE);
        }
    }

    @Test
    void onlyFrenchOrEnglishCanBeChosen() {
        HttpResponse<String> refused = TestOffice.call("PUT", base + "/api/me/language", "claire", DEMO_PASSWORD, "{\"language\": \"de\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"language\"", "must be one of [fr, en]");
    }

    @Test
    void aSecretaryMayNotOnboardAClient() {
        assertThat(TestOffice.call("GET", base + "/manage/clients/new", "claire", DEMO_PASSWORD, null).statusCode()).isEqualTo(403);
        assertThat(TestOffice.call("GET", base + "/manage/processes/call-intake/migration", "claire", DEMO_PASSWORD, null).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefused() throws Exception {
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/manage/clients/new"))
                .header("Authorization", basic("nadia")).header("Origin", "https://elsewhere.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("id=stolen-client")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> page(String path, String acceptLanguage) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basic("nadia")).header("Accept-Language", acceptLanguage).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
