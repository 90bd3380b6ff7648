package org.permanence.notifications;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.permanence.printing.PageNumbers;
import org.permanence.printing.PrintFont;

/**
 * The daily summary on paper: a title, then one block per message, on as many A4 pages as it takes,
 * numbered, in the embedded {@link PrintFont}.
 */
final class SummaryPdf {

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
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle(title);
            Pages pages = new Pages(document, PrintFont.embedIn(document));
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
        private final PrintFont font;
        private PDPageContentStream page;
        private float y;

        Pages(PDDocument document, PrintFont font) throws IOException {
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
                lines.addAll(font.wrap(paragraph, size, WIDTH));
            }
            int boldLines = font.wrap(paragraphs[0], size, WIDTH).size();
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
                page.setFont(font.pdfFont(), size);
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
            PageNumbers.stamp(document, font, FOOTER_SIZE, PAGE.getWidth() - MARGIN, MARGIN / 2, (number, count) -> number + " / " + count);
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
    }
}
