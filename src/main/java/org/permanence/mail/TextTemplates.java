package org.permanence.mail;

import java.nio.charset.StandardCharsets;

import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The plain-text mail templates of one feature, read from its folder on the classpath ({@code <name>.txt}, UTF-8). */
public final class TextTemplates {

    private TextTemplates() {
    }

    public static SpringTemplateEngine in(String folder) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(folder);
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // Spring's flavour evaluates expressions with SpEL; the plain engine would need OGNL
        SpringTemplateEngine templates = new SpringTemplateEngine();
        templates.setTemplateResolver(resolver);
        return templates;
    }
}
