package org.permanence.printing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The one font Permanence prints with, embedded in each PDF: the PDF standard fonts only know the
 * Western European characters (é, ç, œ are fine, but a caller named Łukasz or Nguyễn is not), whereas
 * Liberation Sans, which ships inside PDFBox as its fallback font, also covers Central European,
 * Vietnamese, Greek and Cyrillic letters. A character it lacks still (an emoji) prints as "?" rather
 * than failing the document. Also breaks text into lines of a given width.
 */
public final class PrintFont {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final PDFont font;

    private PrintFont(PDFont font) {
        this.font = font;
    }

    /** Embeds the font (the characters used only) in this document. */
    public static PrintFont embedIn(PDDocument document) {
        try (InputStream file = PrintFont.class.getResourceAsStream(FONT)) {
            if (file == null) {
                throw new IllegalStateException("PDFBox no longer ships " + FONT + "; embed another TrueType font");
            }
            return new PrintFont(PDType0Font.load(document, file, true));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not embed " + FONT, e);
        }
    }

    public PDFont pdfFont() {
        return font;
    }

    /** Breaks a paragraph between words to fit the width; a word wider than a line is broken too. */
    public List<String> wrap(String paragraph, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : printable(paragraph).split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, size) <= width) {
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
                if (width(longer, size) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.appendCodePoint(codePoint);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** The width of a text the font can show ({@link #printable}) at this size, in points. */
    public float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with what the font cannot show replaced: tabs and other controls by a space, missing glyphs by "?". */
    public String printable(String text) {
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
