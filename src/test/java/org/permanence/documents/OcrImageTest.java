package org.permanence.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.permanence.system.ProblemTexts;
import org.springframework.util.unit.DataSize;

/**
 * How a picture is made ready for Tesseract: enlarged by the height of its lines of text, not by the
 * width of its page, and turned upright as Tesseract's orientation report says.
 */
@Tag("unit")
class OcrImageTest {

    private static final DocumentBounds BOUNDS = new DocumentBounds(DocumentProperties.Bounds.DEFAULTS, ProblemTexts.texts());

    @Test
    void theLineHeightIsTheUsualHeightOfTheBandsOfInk() {
        BufferedImage page = page(900, 1200, 30, 50);
        int height = OcrImage.lineHeight(OcrImage.prepared(page, noEnlargement()));
        assertThat(height).isBetween(22, 36);
        assertThat(OcrImage.lineHeight(new BufferedImage(200, 200, BufferedImage.TYPE_BYTE_GRAY))).isEqualTo(45);
    }

    @Test
    void aNarrowReceiptWithLinesOfReadableSizeIsNotDrawnAsWideAsAnA4Page() {
        // a till receipt's paper roll: 900 pixels wide, lines about 40 pixels high
        BufferedImage receipt = page(900, 1600, 34, 56);
        assertThat(OcrImage.prepared(receipt, BOUNDS).getWidth()).isLessThan(1400);
    }

    @Test
    void smallTypeIsDrawnLargerUpToFourTimes() {
        BufferedImage thumbnail = page(400, 300, 7, 12);
        assertThat(OcrImage.prepared(thumbnail, BOUNDS).getWidth()).isEqualTo(1600);
        // bands of ink about 20 pixels high: a little over twice
        BufferedImage smallish = page(600, 800, 26, 40);
        assertThat(OcrImage.prepared(smallish, BOUNDS).getWidth()).isBetween(1000, 1800);
    }

    @Test
    void otsuPartsInkFromPaper() {
        byte[] pixels = new byte[1000];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i % 10 == 0 ? 40 : 220);
        }
        assertThat(OcrImage.otsu(pixels)).isBetween(41, 220);
    }

    @Test
    void anUpsideDownVerdictTurnsThePageOnlyWhenSureAndLetsTheLayoutDecideWhenUnsure() {
        assertThat(Tesseract.turn("Page number: 0\nOrientation in degrees: 180\nRotate: 180\nOrientation confidence: 7.88\n")).isEqualTo(180);
        // an upright identity card and an upside-down invoice were both judged upside down with about 5
        assertThat(Tesseract.turn("Orientation in degrees: 180\nRotate: 180\nOrientation confidence: 5.09\n")).isEqualTo(Tesseract.UNSURE);
        // upright receipts were judged upside down with such confidences
        assertThat(Tesseract.turn("Orientation in degrees: 180\nRotate: 180\nOrientation confidence: 2.82\n")).isZero();
        assertThat(Tesseract.turn("Orientation in degrees: 90\nRotate: 270\nOrientation confidence: 5.15\n")).isEqualTo(270);
        assertThat(Tesseract.turn("Too few characters. Skipping this page")).isZero();
        assertThat(Tesseract.turn("")).isZero();
    }

    @Test
    void aPageTurnedSidewaysSwapsItsSidesAndKeepsItsInk() {
        BufferedImage page = new BufferedImage(30, 20, BufferedImage.TYPE_BYTE_GRAY);
        page.getRaster().setSample(0, 0, 0, 255);  // the top left corner
        BufferedImage clockwise = Tesseract.turned(page, 90);
        assertThat(clockwise.getWidth()).isEqualTo(20);
        assertThat(clockwise.getHeight()).isEqualTo(30);
        // turned a quarter clockwise, the top left corner is the top right one
        assertThat(clockwise.getRaster().getSample(19, 0, 0)).isEqualTo(255);
        assertThat(Tesseract.turned(page, 180).getRaster().getSample(29, 19, 0)).isEqualTo(255);
        assertThat(Tesseract.turned(page, 0)).isSameAs(page);
    }

    /** Bounds whose pixel limit leaves no room to enlarge a page of a million pixels or more. */
    private static DocumentBounds noEnlargement() {
        return new DocumentBounds(new DocumentProperties.Bounds(1_000_000, 120, DataSize.ofMegabytes(100), 30, 1000, DataSize.ofGigabytes(1)),
                ProblemTexts.texts());
    }

    /** Black type of {@code size} pixels on white, a line every {@code spacing} pixels. */
    private static BufferedImage page(int width, int height, int size, int spacing) {
        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
        for (int y = spacing; y < height - 10; y += spacing) {
            g.drawString("Total Sales (Inclusive of GST) : 12.72 Qty 6", 10, y);
        }
        g.dispose();
        return page;
    }
}
