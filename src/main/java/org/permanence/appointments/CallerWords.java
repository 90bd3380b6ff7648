package org.permanence.appointments;

import java.util.Map;

import org.permanence.system.PageWords;

/** The words of the caller's pages, in French or English, from templates/rdv/words_*.properties. */
final class CallerWords {

    private CallerWords() {
    }

    static Map<String, String> in(String language) {
        return PageWords.of("templates.rdv.words", language);
    }
}
