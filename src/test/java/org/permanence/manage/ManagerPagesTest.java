package org.permanence.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.permanence.TestOffice.DEMO_PASSWORD;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.permanence.SharedNode;
import org.permanence.TestOffice;
import org.permanence.manage.engine.PageTexts;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The managers' pages speak the language of the user's profile, else her browser's, field problems
 * included; secretaries may not open them; a form posted from another site is refused.
 */
@OfficeIntegrationTest
class ManagerPagesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String base = SharedNode.baseUrl();

    @Autowired
    IdentityService identity;

    @Test
    void thePagesSpeakTheBrowsersLanguageUnlessTheProfileChoseOne() throws Exception {
        assertThat(page("/manage/clients/new", "fr-FR,fr;q=0.9").body()).contains("<h1>Nouveau client</h1>", "lang=\"fr\"",
                "<title>Nouveau client — Permanence</title>", "permanence.css");
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
    void theNewClientPageSaysItsProblemsInItsLanguage() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", "Kine");
        fields.put("name", "");
        fields.put("language", "fr");
        fields.put("timeZone", "Europe/Paris");
        fields.put("phoneLines[0].number", "04 72 00 00 01");
        fields.put("phoneLines[0].label", "Standard");
        fields.put("contactRules.messages", "IMMEDIATELY");
        fields.put("contactRules.callBackWithinMinutes", "abc");
        fields.put("contactRules.urgentConfirmWithinMinutes", "15");
        fields.put("classificationThreshold", "2");
        fields.put("templates[0].code", "answer");
        fields.put("templates[0].name", "Réponse");
        fields.put("templates[0].kind", "EMAIL");
        fields.put("templates[0].subject", "Votre appel");
        fields.put("templates[0].body", "Dossier [(${dossier})]");
        String form = fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));

        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/manage/clients/new"))
                .header("Authorization", basic("nadia")).header("Accept-Language", "fr-FR,fr;q=0.9")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("de 2 à 40 lettres minuscules, chiffres ou tirets, en commençant par une lettre",
                        "doit être rempli", "« abc » n’est pas un nombre entier de minutes", "au plus 1.0",
                        "ligne 1, colonne 11 : champ inconnu « dossier »", "choisissez au moins une secrétaire")
                .doesNotContain("must not be blank", "is not a whole number");
        // the summary at the top names each field by its label on the page, and leads to it
        assertThat(refused.body()).contains("<a href=\"#contactRules.callBackWithinMinutes\">Rappeler sous (minutes)</a>",
                        "<a href=\"#templates[0].body\">Modèles de mail 1 – Texte</a>", "<a href=\"#team\">")
                .doesNotContain(">contactRules.callBackWithinMinutes<", ">templates[0].body<");
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
