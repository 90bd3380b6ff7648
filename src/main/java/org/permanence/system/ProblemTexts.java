package org.permanence.system;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The application's message source: the texts of field problems, and the deployment guard's
 * ({@code i18n/guard}), in French and English. Never the
 * machine's own language as a fallback: a request answered in English must not turn French because
 * the server runs in France.
 */
@Configuration(proxyBeanMethods = false)
public class ProblemTexts {

    @Bean
    MessageSource messageSource() {
        return texts();
    }

    /** The same texts for code that runs outside the application (a command, a unit test). */
    public static MessageSource texts() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/problems", "i18n/guard");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
