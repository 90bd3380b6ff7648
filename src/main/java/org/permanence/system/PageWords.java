package org.permanence.system;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The words of a public page (no login: a caller's, a client's) in French or English, from a bundle of
 * its own, and which of the two to use: {@code lang} when it names one, else the first of them the
 * browser asks for, else the page's own default (the client's language).
 */
public final class PageWords {

    public static final List<String> LANGUAGES = List.of("fr", "en");

    private PageWords() {
    }

    /** The words of {@code bundle} (e.g. {@code templates.rdv.words}) in the language, with no fallback to another. */
    public static Map<String, String> of(String bundle, String language) {
        ResourceBundle words = ResourceBundle.getBundle(bundle, Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> map = new HashMap<>();
        words.keySet().forEach(key -> map.put(key, words.getString(key)));
        return map;
    }

    public static String language(String lang, HttpServletRequest request, String otherwise) {
        if (lang != null && LANGUAGES.contains(lang)) {
            return lang;
        }
        if (request.getHeader("Accept-Language") != null) {
            for (Locale locale : Collections.list(request.getLocales())) {
                if (LANGUAGES.contains(locale.getLanguage())) {
                    return locale.getLanguage();
                }
            }
        }
        return otherwise != null && LANGUAGES.contains(otherwise) ? otherwise : "fr";
    }
}
