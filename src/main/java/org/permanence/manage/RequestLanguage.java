package org.permanence.manage;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.permanence.manage.engine.PageTexts;
import org.permanence.people.SignedInUser;
import org.permanence.security.SignedInUsers;
import org.permanence.system.EngineNode;
import org.permanence.system.PageWords;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language Spring answers a request in (its field problems, Bean Validation's texts, a page's
 * {@code #{…}} words): the one a page chose ({@link PageWords#speak}), else the user's profile, else her
 * browser's French or English — but English when none says, the API's language for scripts that ask for none.
 */
@Component("localeResolver")
@EngineNode
class RequestLanguage implements LocaleResolver {

    private final PageTexts texts;

    RequestLanguage(PageTexts texts) {
        this.texts = texts;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Optional<Locale> page = PageWords.spoken(request);
        if (page.isPresent()) {
            return page.get();
        }
        // signed in on the application's own paths; elsewhere nobody is known
        SignedInUser user = SignedInUsers.current().orElse(null);
        return Locale.forLanguageTag(texts.chosenLanguage(user, request).orElse("en"));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The language is chosen in the profile: PUT /api/me/language");
    }
}
