package org.permanence.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * The application's migrations are numbered 1, 2, 3… with nothing skipped or doubled. Features built side
 * by side once took numbers out of order (V11 landing after V21): a database migrated in between would then
 * refuse to start, its history holding a version the newer scripts sort before. The next script takes the
 * next number; two branches taking the same one meet here, or in Flyway, before they ship.
 */
@Tag("unit")
class MigrationVersionsTest {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");

    @Test
    void migrationsAreNumberedOneByOne() throws IOException {
        List<Integer> versions;
        try (Stream<Path> scripts = Files.list(Path.of("src/main/resources/db/migration"))) {
            versions = scripts.map(script -> script.getFileName().toString())
                    .map(name -> {
                        Matcher versioned = VERSIONED.matcher(name);
                        assertThat(versioned.matches()).as("%s is named V<n>__<words>.sql", name).isTrue();
                        return Integer.parseInt(versioned.group(1));
                    })
                    .sorted()
                    .toList();
        }
        assertThat(versions).isEqualTo(IntStream.rangeClosed(1, versions.size()).boxed().toList());
    }
}
