package org.permanence.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/** A database migrated under the old numbers starts on the renumbered scripts, with nothing run again. */
@Tag("unit")
class RenumberedMigrationsTest {

    private static final Path SCRIPTS = Path.of("src/main/resources/db/migration");
    /** The old names, as they were before the renumbering. */
    private static final Map<Integer, Integer> OLD_VERSION_OF = Map.ofEntries(
            Map.entry(5, 10), Map.entry(6, 11), Map.entry(7, 12), Map.entry(8, 20), Map.entry(9, 21), Map.entry(10, 22),
            Map.entry(11, 30), Map.entry(12, 31), Map.entry(13, 32), Map.entry(14, 40), Map.entry(15, 41), Map.entry(16, 60),
            Map.entry(17, 61));

    @Test
    void aDatabaseMigratedUnderTheOldNumbersKeepsItsHistoryAndRunsOnlyWhatIsNew(@TempDir Path oldScripts) throws IOException {
        try (Stream<Path> scripts = Files.list(SCRIPTS)) {
            for (Path script : scripts.toList()) {
                String name = script.getFileName().toString();
                int version = Integer.parseInt(name.substring(1, name.indexOf("__")));
                if (version <= 17) {
                    int old = OLD_VERSION_OF.getOrDefault(version, version);
                    Files.copy(script, oldScripts.resolve(name.replaceFirst("^V\\d+__", "V" + old + "__")));
                }
            }
        }
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:renumbered;DB_CLOSE_DELAY=-1");
        database.setUser("sa");
        Flyway.configure().dataSource(database).table("permanence_schema_history").baselineOnMigrate(true)
                .locations("filesystem:" + oldScripts).load().migrate();

        Flyway renumbered = Flyway.configure().dataSource(database).table("permanence_schema_history").baselineOnMigrate(true)
                .locations("filesystem:" + SCRIPTS).callbacks(new RenumberedMigrations()).load();
        int run = renumbered.migrate().migrationsExecuted;

        assertThat(run).as("only the scripts added since").isEqualTo(countScripts() - 17);
        renumbered.validate();
        for (MigrationInfo applied : renumbered.info().applied()) {
            assertThat(applied.getScript()).startsWith("V" + applied.getVersion().getVersion() + "__");
        }
    }

    private static int countScripts() throws IOException {
        try (Stream<Path> scripts = Files.list(SCRIPTS)) {
            return (int) scripts.count();
        }
    }
}
