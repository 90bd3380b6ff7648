package org.permanence.manage.engine;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The words of the managers' pages in French or English: the language in her profile
 * ({@code PUT /api/me/language}), else the first of French and English her browser asks for, else French.
 * A bundle of its own ({@code i18n/manage*.properties}) rather than the application's message source,
 * so pages of other features keep theirs.
 */
@Component
@EngineNode
public class PageTexts {

    /** The key of the user's language among the engine's user infos (Camunda's user profile). */
    public static final String PROFILE_LANGUAGE = "language";
    public static final List<String> LANGUAGES = List.of("fr", "en");
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final IdentityService identity;

    PageTexts(IdentityService identity) {
        this.identity = identity;
    }

    public String languageOf(SignedInUser user, HttpServletRequest request) {
        return chosenLanguage(user, request).orElse("fr");
    }

    /** The language of her profile, else the first of French and English her browser asks for; none: neither says. */
    public Optional<String> chosenLanguage(SignedInUser user, HttpServletRequest request) {
        return chosenLanguage(user == null ? null : identity.getUserInfo(user.id(), PROFILE_LANGUAGE), request);
    }

    /**
     * The same choice where the profile is read otherwise (the deployment guard, inside the engine):
     * the profile's language, else the browser's French or English; {@code request} may be absent.
     */
    public static Optional<String> chosenLanguage(String profileLanguage, HttpServletRequest request) {
        if (profileLanguage != null && LANGUAGES.contains(profileLanguage)) {
            return Optional.of(profileLanguage);
        }
        // without the header the servlet answers the server's own locale, which nobody asked for
        if (request != null && request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null) {
            for (Locale asked : Collections.list(request.getLocales())) {
                if (LANGUAGES.contains(asked.getLanguage())) {
                    return Optional.of(asked.getLanguage());
                }
            }
        }
        return Optional.empty();
    }

    public Map<String, String> texts(String language) {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n/manage", Locale.forLanguageTag(language), NO_FALLBACK);
        Map<String, String> texts = new TreeMap<>();
        bundle.keySet().forEach(key -> texts.put(key, bundle.getString(key)));
        return texts;
    }

    /** Puts the user, her language ({@code lang}) and its words ({@code t}) in the page's model. */
    public String addTo(Model model, SignedInUser user, HttpServletRequest request) {
        String language = languageOf(user, request);
        model.addAttribute("user", user);
        model.addAttribute("lang", language);
        model.addAttribute("t", texts(language));
        return language;
    }
}
