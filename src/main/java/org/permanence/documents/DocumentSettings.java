package org.permanence.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The documents' settings for a command run outside the application (the evaluation): read from
 * the same {@code application.yaml}, so both read documents alike; {@code -D} system properties win.
 */
record DocumentSettings(DocumentProperties documents, Path dataDir) {

    static DocumentSettings fromApplicationYaml() {
        try {
            List<PropertySource<?>> sources = new ArrayList<>();
            sources.add(new PropertiesPropertySource("system", System.getProperties()));
            sources.addAll(new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml")));
            Binder binder = new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources),
                    ApplicationConversionService.getSharedInstance());
            return new DocumentSettings(binder.bindOrCreate("permanence.documents", DocumentProperties.class),
                    binder.bindOrCreate("permanence.data-dir", Path.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read application.yaml", e);
        }
    }
}
