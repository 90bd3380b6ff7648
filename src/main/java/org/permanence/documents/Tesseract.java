package org.permanence.documents;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.springframework.util.unit.DataSize;

/**
 * Reads the words of one page image with the Tesseract program (Debian's {@code tesseract-ocr} with
 * {@code -fra}, {@code -eng} and {@code -osd}; the test command installs them, {@code .ci/test-prerequisites}). The image
 * goes in on standard input and the text comes back on standard output, so no temporary file is left behind; a page that takes too long is abandoned,
 * and one that would need more than {@code memory} fails (the shell's {@code ulimit -v} bounds the
 * program's address space) instead of taking the machine's memory from the node.
 */
final class Tesseract {

    /** Fewer letters than this on a page that is sent to OCR means the binarisation lost the text. */
    private static final int ENOUGH_LETTERS = 40;
    /** Bumped when the way pages are read changes, so cached texts of the old way are not reused. */
    static final String RECIPE = "r4";
    /** Tesseract's orientation report: how many degrees clockwise the page must turn, and how sure it is. */
    private static final Pattern ORIENTATION = Pattern.compile("Rotate: (\\d+)\\s+Orientation confidence: ([\\d.]+)");
    /**
     * Upside-down verdicts below this confidence are noise: upright till receipts were judged upside down
     * with 0.3 to 2.8.
     */
    private static final double NOISE = 3;
    /**
     * Upside-down verdicts from {@link #NOISE} to this confidence are unsure: an upright identity card
     * (photos, a barcode) was judged upside down with 5.1, a five-line invoice scanned upside down rightly
     * so with 4.8.
     */
    private static final double SURE_UPSIDE_DOWN = 7;
    /** {@link #turn}'s answer when the automatic layout, which judges the orientation on its text blocks alone, is to decide. */
    static final int UNSURE = -1;

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
     * The page is turned upright first, as Tesseract's orientation detection ({@code --psm 0}) says: a page
     * scanned upside down or sideways is otherwise read as nonsense. Then it is read as one block of lines
     * ({@code --psm 6}): the automatic layout cuts a receipt or an invoice's table into columns, and a
     * total's label and its amount then come out on lines far apart. A page it is unsure is upside down
     * is read with the automatic layout after its own orientation detection ({@code --psm 1}), which leaves
     * pictures out. Tesseract's default (Otsu) binarisation loses the whole page of some photos with uneven
     * light; then the page is read again with Sauvola's local thresholds, and the longer text kept.
     */
    String read(BufferedImage page) throws OcrFailed {
        int turn = turn(orientation(page));
        byte[] image = png(turn == UNSURE ? page : turned(page, turn));
        String layout = turn == UNSURE ? "1" : "6";
        String text = run(image, "-l", languages, "--psm", layout, "-c", "thresholding_method=0");
        if (letters(text) >= ENOUGH_LETTERS) {
            return text;
        }
        String local = run(image, "-l", languages, "--psm", layout, "-c", "thresholding_method=2");
        return letters(local) > letters(text) ? local : text;
    }

    /** Tesseract's orientation report; empty when it cannot judge (a blank page, too few letters): reading it says why. */
    private String orientation(BufferedImage page) throws OcrFailed {
        try {
            // with its own model: with the reading languages' it answers a quarter turn, "confidence 250", for upright pages
            return run(png(page), "-l", "osd", "--psm", "0");
        } catch (OcrFailed e) {
            if (e.getMessage().startsWith("Tesseract took longer")) {
                throw e;
            }
            return "";
        }
    }

    /** Degrees clockwise to turn the page by, from Tesseract's report, or {@link #UNSURE}. */
    static int turn(String report) {
        Matcher orientation = ORIENTATION.matcher(report);
        if (!orientation.find()) {
            return 0;
        }
        int degrees = Integer.parseInt(orientation.group(1));
        double confidence = Double.parseDouble(orientation.group(2));
        if (degrees != 180 || confidence >= SURE_UPSIDE_DOWN) {
            return degrees;
        }
        return confidence < NOISE ? 0 : UNSURE;
    }

    static BufferedImage turned(BufferedImage page, int degrees) {
        if (degrees % 360 == 0) {
            return page;
        }
        boolean sideways = degrees % 180 != 0;
        int width = sideways ? page.getHeight() : page.getWidth();
        int height = sideways ? page.getWidth() : page.getHeight();
        AffineTransform turn = new AffineTransform();
        turn.translate(width / 2.0, height / 2.0);
        turn.quadrantRotate(degrees / 90);
        turn.translate(-page.getWidth() / 2.0, -page.getHeight() / 2.0);
        BufferedImage turned = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        new AffineTransformOp(turn, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(page, turned);
        return turned;
    }

    private static byte[] png(BufferedImage image) throws OcrFailed {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new OcrFailed("the page could not be encoded for Tesseract", e);
        }
    }

    static long letters(String text) {
        return text.codePoints().filter(Character::isLetterOrDigit).count();
    }

    private String run(byte[] image, String... options) throws OcrFailed {
        // through sh: the limit is set in the shell, which then becomes Tesseract ($0 and its arguments, never parsed)
        List<String> arguments = new ArrayList<>(List.of("sh", "-c", "ulimit -v " + memory.toKilobytes() + " && exec \"$0\" \"$@\"",
                command, "stdin", "stdout"));
        arguments.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(arguments);
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
