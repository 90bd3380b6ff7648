package org.permanence.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;

/**
 * The language a page speaks, French or English. A page that chooses its own says so here
 * ({@link #speak}); the locale resolver then answers that language, so the page's {@code #{…}} words
 * come from the application's MessageSource in it. For a public page (no login: a caller's, a
 * client's), {@link #language} chooses: {@code lang} when it names one, else the first of them the
 * browser asks for, else the page's own default (the client's language).
 */
public final class PageWords {

    public static final List<String> LANGUAGES = List.of("fr", "en");
    private static final String SPOKEN = PageWords.class.getName() + ".language";

    private PageWords() {
    }

    /** The page's language: the request's locale from now on, the one its {@code #{…}} words are rendered in. */
    public static Locale speak(HttpServletRequest request, String language) {
        request.setAttribute(SPOKEN, language);
        return Locale.forLanguageTag(language);
    }

    /** The language the page chose with {@link #speak}, if it did. */
    public static Optional<Locale> spoken(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(SPOKEN)).map(Locale::forLanguageTag);
    }

    /**
     * The words of one bundle whose keys start with {@code prefix}, for a script that shows them itself: the keys of
     * the bundle's default (English) file, each said by the application's MessageSource in the language.
     */
    public static Map<String, String> all(MessageSource texts, String bundle, String prefix, Locale language) {
        Properties keys = new Properties();
        try (InputStream file = new ClassPathResource(bundle + ".properties").getInputStream()) {
            keys.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> words = new TreeMap<>();
        keys.stringPropertyNames().stream().filter(key -> key.startsWith(prefix))
                .forEach(key -> words.put(key, texts.getMessage(key, null, language)));
        return words;
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
