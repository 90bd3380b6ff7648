package org.permanence.notifications;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * The daily summary on paper: a title, then one block per message, on as many A4 pages as it takes,
 * numbered. The font is embedded: the PDF standard fonts only know the Western European characters
 * (é, ç, œ are fine, but a caller named Łukasz or Nguyễn is not), whereas Liberation Sans, which ships
 * inside PDFBox as its fallback font, also covers Central European, Vietnamese, Greek and Cyrillic
 * letters. A character it lacks still (an emoji) prints as "?" rather than failing the summary.
 */
final class SummaryPdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 56;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float TITLE_SIZE = 15;
    private static final float TEXT_SIZE = 10.5f;
    private static final float FOOTER_SIZE = 8;
    private static final float LEADING = 1.35f;
    private static final float BLOCK_GAP = 12;
    private static final float BOLD_STROKE = 0.35f;

    private SummaryPdf() {
    }

    static byte[] print(String title, List<String> blocks) {
        try (PDDocument document = new PDDocument(); InputStream font = SummaryPdf.class.getResourceAsStream(FONT)) {
            if (font == null) {
                throw new IllegalStateException("PDFBox no longer ships " + FONT + "; embed another TrueType font");
            }
            document.getDocumentInformation().setTitle(title);
            Pages pages = new Pages(document, PDType0Font.load(document, font, true));
            pages.write(title, TITLE_SIZE);
            for (String block : blocks) {
                pages.gap(BLOCK_GAP);
                pages.write(block, TEXT_SIZE);
            }
            pages.finish();
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the summary PDF \"" + title + "\"", e);
        }
    }

    /** Writes top to bottom, starting a page when the next block does not fit on this one. */
    private static final class Pages {

        private final PDDocument document;
        private final PDFont font;
        private PDPageContentStream page;
        private float y;

        Pages(PDDocument document, PDFont font) throws IOException {
            this.document = document;
            this.font = font;
            newPage();
        }

        void gap(float height) {
            y -= height;
        }

        /**
         * Writes the text's lines, wrapped to the page width, its first line (who called, when) in bold;
         * a block is kept on one page when it fits on one.
         */
        void write(String text, float size) throws IOException {
            String[] paragraphs = text.split("\n");
            List<String> lines = new ArrayList<>();
            for (String paragraph : paragraphs) {
                lines.addAll(wrap(printable(paragraph), size));
            }
            int boldLines = wrap(printable(paragraphs[0]), size).size();
            float lineHeight = size * LEADING;
            boolean fitsOnAPage = lines.size() * lineHeight <= PAGE.getHeight() - 2 * MARGIN;
            if (fitsOnAPage && y - lines.size() * lineHeight < MARGIN) {
                newPage();
            }
            for (int i = 0; i < lines.size(); i++) {
                if (y - lineHeight < MARGIN) {
                    newPage();
                }
                y -= lineHeight;
                page.beginText();
                page.setFont(font, size);
                // the one embedded font has no bold cut: outlining the letters as well as filling them thickens them
                page.setRenderingMode(i < boldLines ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
                page.newLineAtOffset(MARGIN, y);
                page.showText(lines.get(i));
                page.endText();
            }
        }

        /** Closes the last page and numbers them all ("2 / 3"). */
        void finish() throws IOException {
            page.close();
            int count = document.getNumberOfPages();
            for (int i = 0; i < count; i++) {
                try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    String number = (i + 1) + " / " + count;
                    footer.beginText();
                    footer.setFont(font, FOOTER_SIZE);
                    footer.newLineAtOffset(PAGE.getWidth() - MARGIN - width(number, FOOTER_SIZE), MARGIN / 2);
                    footer.showText(number);
                    footer.endText();
                }
            }
        }

        private void newPage() throws IOException {
            if (page != null) {
                page.close();
            }
            PDPage next = new PDPage(PAGE);
            document.addPage(next);
            page = new PDPageContentStream(document, next);
            page.setLineWidth(BOLD_STROKE);
            y = PAGE.getHeight() - MARGIN;
        }

        /** Breaks a paragraph between words to fit the width; a word wider than a line is broken too. */
        private List<String> wrap(String paragraph, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, size) <= WIDTH) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                for (int codePoint : word.codePoints().toArray()) {
                    String longer = line + Character.toString(codePoint);
                    if (width(longer, size) > WIDTH) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    line.appendCodePoint(codePoint);
                }
            }
            lines.add(line.toString());
            return lines;
        }

        private float width(String text, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        /** The text with what the font cannot show replaced: tabs and other controls by a space, missing glyphs by "?". */
        private String printable(String text) {
            StringBuilder printable = new StringBuilder();
            text.codePoints().forEach(codePoint -> {
                if (Character.isISOControl(codePoint)) {
                    printable.append(' ');
                } else if (hasGlyph(codePoint)) {
                    printable.appendCodePoint(codePoint);
                } else {
                    printable.append('?');
                }
            });
            return printable.toString();
        }

        private boolean hasGlyph(int codePoint) {
            try {
                font.encode(Character.toString(codePoint));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }
    }
}
