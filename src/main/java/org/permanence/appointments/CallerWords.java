package org.permanence.appointments;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/** The words of the caller's pages, in French or English, from templates/rdv/words_*.properties. */
final class CallerWords {

    static final List<String> LANGUAGES = List.of("fr", "en");

    private CallerWords() {
    }

    static Map<String, String> in(String language) {
        ResourceBundle bundle = ResourceBundle.getBundle("templates.rdv.words", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> words = new HashMap<>();
        bundle.keySet().forEach(key -> words.put(key, bundle.getString(key)));
        return words;
    }
}
