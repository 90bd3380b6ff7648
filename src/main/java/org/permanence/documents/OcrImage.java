package org.permanence.documents;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A picture sent as a document, made ready for Tesseract, which reads best when its lines of text are
 * some 45 pixels high (10-point type at 300 dpi): a picture whose lines are smaller (an invoice
 * photographed from afar, a thumbnail scan) is drawn larger, up to four times; then its greys are
 * stretched from the page's darkest to its lightest, so faint ink on grey paper stands out. Only
 * doubling, Tesseract misread or lost lines of such pictures
 * ({@code DocumentReaderTest.aSmallFaintScanIsDrawnLargerAndDarkerBeforeOcr}). The enlargement follows
 * the text, not the page: a till receipt, as narrow as its paper roll, was drawn as wide as an A4 page,
 * its lines 60 to 100 pixels high, and Tesseract lost decimal points and whole words of it.
 */
final class OcrImage {

    /** Changes the OCR cache key of pictures, so texts read from them the old way are not reused. */
    static final String RECIPE = "i2";

    /** A line of 10-point type at 300 dpi, ascenders to descenders. */
    private static final int LINE_HEIGHT = 45;
    /** Fewer rows than this, dark enough, are a rule or a speck of dust, not a line of text. */
    private static final int SHORTEST_LINE = 4;
    /** A row with fewer dark pixels than this share of its width is between lines. */
    private static final double DARK_ROW = 0.01;
    private static final int MOST_ENLARGED = 4;
    /** The darkest and lightest 0.5 % are left out of the stretch: a speck of dust or a glare would hold it back. */
    private static final double EXTREMES = 0.005;

    private OcrImage() {
    }

    /** Enlarged within the page's pixel bound: a narrow, very tall strip is not drawn four times larger. */
    static BufferedImage prepared(BufferedImage image, DocumentBounds bounds) {
        BufferedImage original = grey(image, image.getWidth());
        double wanted = Math.max(1, Math.min(MOST_ENLARGED, LINE_HEIGHT / (double) lineHeight(original)));
        int width = (int) Math.round(image.getWidth() * bounds.enlargement(image.getWidth(), image.getHeight(), wanted));
        BufferedImage grey = width == image.getWidth() ? original : grey(image, width);
        stretch(pixels(grey));
        return grey;
    }

    private static BufferedImage grey(BufferedImage image, int width) {
        int height = Math.max(1, (int) Math.round(image.getHeight() * (double) width / image.getWidth()));
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        // drawn on white: a transparent background reads as black, and Tesseract then sees nothing
        g.drawImage(image, 0, 0, width, height, Color.WHITE, null);
        g.dispose();
        return grey;
    }

    private static byte[] pixels(BufferedImage grey) {
        return ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
    }

    /**
     * The usual height of the picture's lines of text: the median of the bands of rows with ink on them,
     * ink being darker than Otsu's threshold. What every row has (the dark table beside a photographed
     * receipt, a scanner's black edge) is not ink: a row is inked when it has more than the palest tenth
     * of rows have. A picture with no such band (a blank, one grey) counts as having lines of the height
     * wanted, and is left as it is.
     */
    static int lineHeight(BufferedImage grey) {
        byte[] pixels = pixels(grey);
        int width = grey.getWidth();
        int height = grey.getHeight();
        int threshold = otsu(pixels);
        int[] dark = new int[height];
        for (int row = 0; row < height; row++) {
            for (int x = 0; x < width; x++) {
                dark[row] += (pixels[row * width + x] & 0xFF) < threshold ? 1 : 0;
            }
        }
        int[] sorted = dark.clone();
        Arrays.sort(sorted);
        double inked = sorted[height / 10] + width * DARK_ROW;
        List<Integer> bands = new ArrayList<>();
        int band = 0;
        for (int row = 0; row <= height; row++) {
            if (row < height && dark[row] > inked) {
                band++;
            } else {
                if (band >= SHORTEST_LINE) {
                    bands.add(band);
                }
                band = 0;
            }
        }
        if (bands.isEmpty()) {
            return LINE_HEIGHT;
        }
        Collections.sort(bands);
        return bands.get(bands.size() / 2);
    }

    /** Otsu's threshold: the grey that best parts the picture's pixels into ink and paper. */
    static int otsu(byte[] pixels) {
        long[] count = new long[256];
        double sum = 0;
        for (byte pixel : pixels) {
            count[pixel & 0xFF]++;
            sum += pixel & 0xFF;
        }
        double darkSum = 0;
        long dark = 0;
        double best = -1;
        int threshold = 128;
        for (int grey = 0; grey < 256; grey++) {
            dark += count[grey];
            long light = pixels.length - dark;
            if (dark == 0 || light == 0) {
                continue;
            }
            darkSum += grey * (double) count[grey];
            double between = dark * (double) light * Math.pow(darkSum / dark - (sum - darkSum) / light, 2);
            if (between > best) {
                best = between;
                threshold = grey + 1;
            }
        }
        return threshold;
    }

    private static void stretch(byte[] pixels) {
        int[] count = new int[256];
        for (byte pixel : pixels) {
            count[pixel & 0xFF]++;
        }
        long ignored = (long) (pixels.length * EXTREMES);
        int darkest = 0;
        long seen = count[0];
        while (seen <= ignored && darkest < 255) {
            seen += count[++darkest];
        }
        int lightest = 255;
        seen = count[255];
        while (seen <= ignored && lightest > 0) {
            seen += count[--lightest];
        }
        if (lightest <= darkest) {
            return;  // one grey all over: nothing to stretch
        }
        for (int i = 0; i < pixels.length; i++) {
            int stretched = ((pixels[i] & 0xFF) - darkest) * 255 / (lightest - darkest);
            pixels[i] = (byte) Math.max(0, Math.min(255, stretched));
        }
    }
}
