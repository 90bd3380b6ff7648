package org.permanence.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.permanence.printing.ArchivalPdf;
import org.permanence.printing.PageNumbers;
import org.permanence.printing.PrintFont;

/**
 * The daily summary on paper: a title, then one block per message, on as many A4 pages as it takes,
 * numbered, in the embedded {@link PrintFont}; an {@link ArchivalPdf} (PDF/A-2a) to keep.
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
    /** Who wrote it, for the PDF's metadata: the secretariat, through its software. */
    private static final String AUTHOR = "Permanence";

    private SummaryPdf() {
    }

    /** The summary titled {@code title}, in the client's {@code language} ("fr", "en"). */
    static byte[] print(String title, String language, List<String> blocks) {
        try (ArchivalPdf pdf = new ArchivalPdf(title, AUTHOR, language)) {
            Pages pages = new Pages(pdf, PrintFont.embedIn(pdf.document()));
            pages.write(pdf.element(StandardStructureTypes.H1), title, TITLE_SIZE);
            for (String block : blocks) {
                pages.gap(BLOCK_GAP);
                pages.write(pdf.element(StandardStructureTypes.P), block, TEXT_SIZE);
            }
            pages.finish();
            return pdf.toBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the summary PDF \"" + title + "\"", e);
        }
    }

    /** Writes top to bottom, starting a page when the next block does not fit on this one. */
    private static final class Pages {

        private final ArchivalPdf pdf;
        private final PrintFont font;
        private PDPage current;
        private PDPageContentStream page;
        private float y;

        Pages(ArchivalPdf pdf, PrintFont font) throws IOException {
            this.pdf = pdf;
            this.font = font;
            newPage();
        }

        void gap(float height) {
            y -= height;
        }

        /**
         * Writes the text's lines, wrapped to the page width, its first line (who called, when) in bold;
         * a block is kept on one page when it fits on one. Its lines are the content of {@code element}.
         */
        void write(PDStructureElement element, String text, float size) throws IOException {
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
                String line = lines.get(i);
                boolean bold = i < boldLines;
                pdf.tag(element, current, page, () -> {
                    page.beginText();
                    page.setFont(font.pdfFont(), size);
                    // the one embedded font has no bold cut: outlining the letters as well as filling them thickens them
                    page.setRenderingMode(bold ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
                    page.newLineAtOffset(MARGIN, y);
                    page.showText(line);
                    page.endText();
                });
            }
        }

        /** Closes the last page and numbers them all ("2 / 3"). */
        void finish() throws IOException {
            page.close();
            PageNumbers.stamp(pdf.document(), font, FOOTER_SIZE, PAGE.getWidth() - MARGIN, MARGIN / 2, (number, count) -> number + " / " + count);
        }

        private void newPage() throws IOException {
            if (page != null) {
                page.close();
            }
            current = pdf.newPage(new PDPage(PAGE));
            page = new PDPageContentStream(pdf.document(), current);
            page.setLineWidth(BOLD_STROKE);
            y = PAGE.getHeight() - MARGIN;
        }
    }
}
