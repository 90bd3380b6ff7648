package org.permanence.system;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;

/**
 * The application's texts outside the application (a command, a unit test): the same bundles as the
 * application's one MessageSource, which Spring Boot builds from {@code spring.messages} in
 * application.yaml — read from there, so the list of bundles is written once.
 */
public final class ProblemTexts {

    private ProblemTexts() {
    }

    public static MessageSource texts() {
        MessageSourceProperties messages;
        try {
            messages = new Binder(ConfigurationPropertySources.from(
                    new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))))
                    .bind("spring.messages", MessageSourceProperties.class).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(messages.getBasename().toArray(String[]::new));
        source.setDefaultEncoding(messages.getEncoding().name());
        source.setFallbackToSystemLocale(messages.isFallbackToSystemLocale());
        return source;
    }
}
