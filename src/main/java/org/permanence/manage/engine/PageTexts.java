package org.permanence.manage.engine;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.permanence.people.SignedInUser;
import org.permanence.system.EngineNode;
import org.permanence.system.PageWords;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The words of the managers' pages in French or English: the language in her profile
 * ({@code PUT /api/me/language}), else the first of French and English her browser asks for, else French.
 * Their words are {@code i18n/manage*.properties} in the application's MessageSource: {@code #{…}} in the
 * templates, {@link #text} in Java.
 */
@Component
@EngineNode
public class PageTexts {

    /** The key of the user's language among the engine's user infos (Camunda's user profile). */
    public static final String PROFILE_LANGUAGE = "language";
    public static final List<String> LANGUAGES = List.of("fr", "en");

    private final IdentityService identity;
    private final MessageSource texts;

    PageTexts(IdentityService identity, MessageSource texts) {
        this.identity = identity;
        this.texts = texts;
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

    /** The words of {@code key} in the language, as written ({@code {0}} left for the caller to fill). */
    public String text(String language, String key) {
        return texts.getMessage(key, null, Locale.forLanguageTag(language));
    }

    /** The same, {@code otherwise} when the pages have no words for {@code key}. */
    public String text(String language, String key, String otherwise) {
        return texts.getMessage(key, null, otherwise, Locale.forLanguageTag(language));
    }

    /** The words whose keys start with {@code prefix}, for a page's script that shows them itself. */
    public Map<String, String> all(String language, String prefix) {
        return PageWords.all(texts, "i18n/manage", prefix, Locale.forLanguageTag(language));
    }

    /** Puts the user and her language ({@code lang}) in the page's model, and renders the page's {@code #{…}} words in it. */
    public String addTo(Model model, SignedInUser user, HttpServletRequest request) {
        String language = languageOf(user, request);
        PageWords.speak(request, language);
        model.addAttribute("user", user);
        model.addAttribute("lang", language);
        return language;
    }
}
