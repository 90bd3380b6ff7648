package org.permanence.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which cached OCR texts a node's pruning removes: those of forgotten files, and those older than the longest documents retention. */
@Tag("unit")
class OcrCacheTest {

    private static final String ERASED = "a".repeat(64);
    private static final String KEPT = "b".repeat(64);
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant OLDEST = NOW.minus(Duration.ofDays(1825));

    @TempDir
    Path dataDir;

    @Test
    void aTextGoesWhenItsFileWasForgottenWhateverTheSettingsOrWhenItIsOlderThanTheOldestKept() {
        assertThat(OcrCache.due(ERASED + "-300-fra+eng.txt", NOW, Set.of(ERASED), OLDEST)).isTrue();
        assertThat(OcrCache.due(ERASED + "-150-eng.txt", NOW, Set.of(ERASED), OLDEST)).isTrue();
        // a text being written when the round came: named after its key, with a random part
        assertThat(OcrCache.due(ERASED + "-300-fra+eng.txt1234567.part", NOW, Set.of(ERASED), OLDEST)).isTrue();
        assertThat(OcrCache.due(KEPT + "-300-fra+eng.txt", NOW, Set.of(ERASED), OLDEST)).isFalse();
        assertThat(OcrCache.due(KEPT + "-300-fra+eng.txt", OLDEST.minusSeconds(1), Set.of(ERASED), OLDEST)).isTrue();
        assertThat(OcrCache.due(KEPT + "-300-fra+eng.txt", OLDEST, Set.of(), OLDEST)).isFalse();
        // only the whole hash before the first dash counts: a hash that merely starts the same is another file
        assertThat(OcrCache.due(ERASED.substring(0, 63) + "-300.txt", NOW, Set.of(ERASED), OLDEST)).isFalse();
    }

    @Test
    void pruningRemovesTheDueTextsFromTheDiskAndKeepsTheOthers() throws IOException {
        OcrCache cache = new OcrCache(dataDir.resolve("ocr-cache"));
        assertThat(cache.prune(Set.of(ERASED), OLDEST)).as("no cache yet").isZero();
        cache.put(ERASED + "-300-fra+eng", "Ordonnance pour Lucienne");
        cache.put(KEPT + "-300-fra+eng", "Facture");
        String old = "c".repeat(64);
        cache.put(old + "-300-fra+eng", "Vieux courrier");
        Files.setLastModifiedTime(dataDir.resolve("ocr-cache").resolve(old + "-300-fra+eng.txt"),
                FileTime.from(Instant.now().minus(Duration.ofDays(1826))));

        assertThat(cache.prune(Set.of(ERASED), Instant.now().minus(Duration.ofDays(1825)))).isEqualTo(2);

        try (Stream<Path> left = Files.list(dataDir.resolve("ocr-cache"))) {
            assertThat(left.map(file -> file.getFileName().toString())).containsExactly(KEPT + "-300-fra+eng.txt");
        }
        assertThat(cache.get(KEPT + "-300-fra+eng")).contains("Facture");
    }
}
