package org.permanence.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * OCR text kept by the content hash of the document (and the OCR settings), under the data
 * directory: OCR costs about a second a page, and the same file is read again on a retry, by the
 * evaluation, or when the base model is retrained from the corpus.
 */
final class OcrCache {

    private final Path folder;

    OcrCache(Path folder) {
        this.folder = folder;
    }

    Optional<String> get(String key) {
        Path file = folder.resolve(key + ".txt");
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void put(String key, String text) {
        try {
            Files.createDirectories(folder);
            // written aside then moved: a reader never sees half a text, two writers never mix
            Path partial = Files.createTempFile(folder, key, ".part");
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, folder.resolve(key + ".txt"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // a cache that cannot be written only costs time
        }
    }
}
