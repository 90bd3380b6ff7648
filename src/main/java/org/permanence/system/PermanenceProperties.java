package org.permanence.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the embedded defaults keep their files: database, objects, mail. */
@ConfigurationProperties("permanence")
public record PermanenceProperties(Path dataDir) {
}
