package org.permanence.printing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BiFunction;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** Numbers the pages of a finished document, once their count is known, at the bottom right. */
public final class PageNumbers {

    private PageNumbers() {
    }

    /** Writes {@code label(page, count)} (pages from 1), its right edge at {@code right}, its baseline at {@code y}. */
    public static void stamp(PDDocument document, PrintFont font, float size, float right, float y,
                             BiFunction<Integer, Integer, String> label) {
        int count = document.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                String text = label.apply(i + 1, count);
                // pagination, not text: a screen reader skips it (see ArchivalPdf)
                ArchivalPdf.artifact(footer, () -> {
                    footer.beginText();
                    footer.setFont(font.pdfFont(), size);
                    footer.newLineAtOffset(right - font.width(text, size), y);
                    footer.showText(text);
                    footer.endText();
                });
            } catch (IOException e) {
                throw new UncheckedIOException("Could not number page " + (i + 1), e);
            }
        }
    }
}
