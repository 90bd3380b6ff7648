package org.permanence.documents;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * A picture sent as a document, made ready for Tesseract, which reads best at about 300 dpi: a small
 * one (an invoice photographed from afar, a thumbnail scan) is drawn larger, up to four times, towards
 * the width of an A4 page at 300 dpi; then its greys are stretched from the page's darkest to its
 * lightest, so faint ink on grey paper stands out. Only doubling, Tesseract misread or lost lines of
 * such pictures ({@code DocumentReaderTest.aSmallFaintScanIsDrawnLargerAndDarkerBeforeOcr}).
 */
final class OcrImage {

    /** Changes the OCR cache key of pictures, so texts read from them the old way are not reused. */
    static final String RECIPE = "i1";

    private static final int A4_WIDTH_AT_300_DPI = 2480;
    private static final int MOST_ENLARGED = 4;
    /** The darkest and lightest 0.5 % are left out of the stretch: a speck of dust or a glare would hold it back. */
    private static final double EXTREMES = 0.005;

    private OcrImage() {
    }

    /** Enlarged within the page's pixel bound: a narrow, very tall strip is not drawn four times larger. */
    static BufferedImage prepared(BufferedImage image, DocumentBounds bounds) {
        double wanted = Math.max(1, Math.min(A4_WIDTH_AT_300_DPI, image.getWidth() * MOST_ENLARGED) / (double) image.getWidth());
        int width = (int) Math.round(image.getWidth() * bounds.enlargement(image.getWidth(), image.getHeight(), wanted));
        int height = Math.max(1, (int) Math.round(image.getHeight() * (double) width / image.getWidth()));
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        // drawn on white: a transparent background reads as black, and Tesseract then sees nothing
        g.drawImage(image, 0, 0, width, height, Color.WHITE, null);
        g.dispose();
        stretch(((DataBufferByte) grey.getRaster().getDataBuffer()).getData());
        return grey;
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
