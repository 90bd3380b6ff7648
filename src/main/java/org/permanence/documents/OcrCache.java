package org.permanence.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

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

    /** Removes every text read from the file with this content hash, whatever the OCR settings; answers how many. */
    int forget(String contentHash) {
        if (!Files.isDirectory(folder) || !contentHash.matches("[0-9a-f]{64}")) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            int removed = 0;
            for (Path file : files.filter(file -> file.getFileName().toString().startsWith(contentHash + "-")).toList()) {
                removed += Files.deleteIfExists(file) ? 1 : 0;
            }
            return removed;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Could not remove cached texts from " + folder, e);
        }
    }

    /**
     * Removes the texts read from a file whose content hash is {@code forgotten}, and those written before
     * {@code oldest} (half-written ones too); answers how many. What another node's purge or erasure removed
     * reaches this node's disk so.
     */
    int prune(Set<String> forgotten, Instant oldest) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            int removed = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (due(file.getFileName().toString(), Files.getLastModifiedTime(file).toInstant(), forgotten, oldest)) {
                    removed += Files.deleteIfExists(file) ? 1 : 0;
                }
            }
            return removed;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Could not prune cached texts in " + folder, e);
        }
    }

    /** Whether a cached text goes: its name starts with the file's content hash and a dash, written or not yet moved in place. */
    static boolean due(String fileName, Instant written, Set<String> forgotten, Instant oldest) {
        int dash = fileName.indexOf('-');
        return written.isBefore(oldest) || dash > 0 && forgotten.contains(fileName.substring(0, dash));
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
