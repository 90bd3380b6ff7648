package org.permanence.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * A page's language and its words from the one MessageSource: what the page chose is what its {@code #{…}}
 * words are said in, and a language nobody speaks here never gets through.
 */
@Tag("unit")
class PageWordsTest {

    private final MessageSource texts = ProblemTexts.texts();

    @Test
    void thePageSaysWhichLanguageItsWordsAreRenderedIn() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        assertThat(PageWords.spoken(request)).isEmpty();

        assertThat(PageWords.speak(request, "en")).isEqualTo(Locale.ENGLISH);

        assertThat(PageWords.spoken(request)).contains(Locale.ENGLISH);
    }

    /** {@code lang} is the caller's to write: anything but fr or en falls to the browser, then to the client's language. */
    @Test
    void aLanguageWeDoNotSpeakIsNeverChosen() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Accept-Language", "de-DE, en;q=0.5");

        assertThat(PageWords.language("../../etc", request, "fr")).isEqualTo("en");
        assertThat(PageWords.language("de", new MockHttpServletRequest(), "xx")).isEqualTo("fr");
    }

    /** The server runs in any language: with no fallback to it, French words stay French and English ones English. */
    @Test
    void eachPageSpeaksItsBundleInTheLanguageAsked() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.FRENCH);
        try {
            assertThat(texts.getMessage("rdv.title.none", null, Locale.ENGLISH)).isEqualTo("Link not valid");
            assertThat(texts.getMessage("rdv.title.none", null, Locale.FRENCH)).isEqualTo("Lien non valide");
            assertThat(texts.getMessage("presence.title", null, Locale.ENGLISH)).isEqualTo("My availability");
            assertThat(texts.getMessage("focus.title", null, Locale.ENGLISH)).isEqualTo("My focus blocks");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aScriptGetsEveryWordOfItsBundleInItsLanguage() {
        var french = PageWords.all(texts, "i18n/manage", "dashboard.", Locale.FRENCH);
        var english = PageWords.all(texts, "i18n/manage", "dashboard.", Locale.ENGLISH);

        assertThat(french).isNotEmpty().allSatisfy((key, words) -> assertThat(key).startsWith("dashboard."));
        assertThat(french.keySet()).isEqualTo(english.keySet());
        assertThat(french).isNotEqualTo(english);
    }
}
