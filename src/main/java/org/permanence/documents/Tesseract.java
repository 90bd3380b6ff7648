package org.permanence.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.util.unit.DataSize;

/**
 * Reads the words of one page image with the Tesseract program (Debian's {@code tesseract-ocr} with
 * {@code -fra} and {@code -eng}; the test command installs them, {@code .ci/test-prerequisites}). The image
 * goes in on standard input and the text comes back on standard output, so no temporary file is left behind; a page that takes too long is abandoned,
 * and one that would need more than {@code memory} fails (the shell's {@code ulimit -v} bounds the
 * program's address space) instead of taking the machine's memory from the node.
 */
final class Tesseract {

    /** Fewer letters than this on a page that is sent to OCR means the binarisation lost the text. */
    private static final int ENOUGH_LETTERS = 40;
    /** Bumped when the way pages are read changes, so cached texts of the old way are not reused. */
    static final String RECIPE = "r3";

    private final String command;
    private final String languages;
    private final Duration pageTimeout;
    private final DataSize memory;

    Tesseract(String command, String languages, Duration pageTimeout, DataSize memory) {
        this.command = command;
        this.languages = languages;
        this.pageTimeout = pageTimeout;
        this.memory = memory;
    }

    /**
     * Tesseract's default (Otsu) binarisation loses the whole page of some photos with uneven light;
     * then the page is read again with Sauvola's local thresholds, and the longer text kept.
     */
    String read(byte[] image) throws OcrFailed {
        String text = read(image, "0");
        if (letters(text) >= ENOUGH_LETTERS) {
            return text;
        }
        String local = read(image, "2");
        return letters(local) > letters(text) ? local : text;
    }

    static long letters(String text) {
        return text.codePoints().filter(Character::isLetterOrDigit).count();
    }

    private String read(byte[] image, String thresholding) throws OcrFailed {
        // page segmentation 1: as 3 (the page's own layout), after detecting its orientation; a page
        // scanned upside down is otherwise read as nonsense
        // through sh: the limit is set in the shell, which then becomes Tesseract ($0 and its arguments, never parsed)
        ProcessBuilder builder = new ProcessBuilder(List.of("sh", "-c", "ulimit -v " + memory.toKilobytes() + " && exec \"$0\" \"$@\"",
                command, "stdin", "stdout", "-l", languages, "--psm", "1", "-c", "thresholding_method=" + thresholding));
        // one thread per page: the pages of a document, and documents, are already read side by side
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new OcrFailed("Tesseract cannot be started (" + command + "): install it (apt-get install tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng)", e);
        }
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(image);
        } catch (IOException e) {
            // Tesseract closes its input early when the image is unreadable: its exit code says so
        }
        try {
            if (!process.waitFor(pageTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new OcrFailed("Tesseract took longer than " + pageTimeout.toSeconds() + " s on one page", null);
            }
            if (process.exitValue() == 127) {
                // the shell's answer when the program is missing, or when it cannot even load within the bound
                throw new OcrFailed("Tesseract cannot be started (" + command + "): install it (apt-get install tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng), or give it more than "
                        + memory.toMegabytes() + " MB (ocr-memory)", null);
            }
            if (process.exitValue() != 0) {
                throw new OcrFailed("Tesseract could not read the image within " + memory.toMegabytes() + " MB of memory (exit "
                        + process.exitValue() + ")", null);
            }
            return new String(output.join(), StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new OcrFailed("interrupted while Tesseract was reading", e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    static final class OcrFailed extends Exception {
        OcrFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
