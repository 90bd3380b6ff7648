package org.permanence.drafting;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.permanence.printing.ArchivalPdf;
import org.permanence.printing.PageNumbers;
import org.permanence.printing.PrintFont;
import org.permanence.system.FrenchArticles;

/**
 * A letter on the client's letterhead, as a French business letter is laid out: logo, name and
 * address at the top, the recipient's address on the right (where a window envelope shows it), the
 * town and date, the reference and subject, the text (over as many pages as it takes, each after the
 * first headed by the client's name), the signature, and the pages numbered. An {@link ArchivalPdf}
 * (PDF/A-2a): the subject is its heading, the logo a described figure, the rest paragraphs.
 */
final class LetterPdf {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float LEFT = 62;
    private static final float RIGHT = PAGE.getWidth() - 56;
    private static final float WIDTH = RIGHT - LEFT;
    private static final float TOP = PAGE.getHeight() - 40;
    private static final float BOTTOM = 70;
    private static final float LOGO = 62;
    private static final float WINDOW_LEFT = 320;
    private static final float TEXT_SIZE = 10.5f;
    private static final float LEADING = 1.45f;
    private static final Color INK = new Color(0x1f, 0x3a, 0x5f);
    private static final Color GREY = new Color(0x55, 0x5f, 0x6b);

    private LetterPdf() {
    }

    static byte[] print(Letter letter) {
        try (ArchivalPdf pdf = new ArchivalPdf(letter.subject(), letter.clientName(), letter.language())) {
            PDDocument document = pdf.document();
            Writer writer = new Writer(pdf, PrintFont.embedIn(document), letter);
            writer.firstPage();
            writer.text();
            writer.signature();
            writer.close();
            boolean french = "fr".equals(letter.language());
            PageNumbers.stamp(document, writer.font, 8, RIGHT, BOTTOM / 2,
                    (number, count) -> "Page " + number + (french ? " sur " : " of ") + count);
            return pdf.toBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not print the letter \"" + letter.subject() + "\"", e);
        }
    }

    private static final class Writer {

        private final ArchivalPdf pdf;
        private final PrintFont font;
        private final Letter letter;
        private final Locale locale;
        private PDPage current;
        private PDPageContentStream page;
        private float y;

        Writer(ArchivalPdf pdf, PrintFont font, Letter letter) {
            this.pdf = pdf;
            this.font = font;
            this.letter = letter;
            this.locale = Locale.forLanguageTag(letter.language());
        }

        void firstPage() throws IOException {
            newPage();
            logo();
            float x = LEFT + LOGO + 16;
            write(paragraph(), letter.clientName(), x, TOP - 20, 16, INK, true);
            float line = TOP - 36;
            PDStructureElement letterhead = paragraph();
            for (String address : letter.letterhead().address()) {
                write(letterhead, address, x, line, 9, GREY, false);
                line -= 11.5f;
            }
            rule(INK, 1.2f, LEFT, RIGHT, TOP - LOGO - 22);

            y = TOP - LOGO - 80;
            PDStructureElement recipient = paragraph();
            for (String recipientLine : letter.recipient()) {
                write(recipient, recipientLine, WINDOW_LEFT, y, TEXT_SIZE, Color.BLACK, false);
                y -= TEXT_SIZE * LEADING;
            }
            y = Math.min(y, TOP - LOGO - 150) - 24;
            write(paragraph(), dateLine(), WINDOW_LEFT, y, TEXT_SIZE, Color.BLACK, false);
            y -= 40;
            String reference = "fr".equals(letter.language()) ? "Réf. : " : "Ref.: ";
            write(paragraph(), reference + letter.reference(), LEFT, y, 9, GREY, false);
            y -= 16;
            String subject = ("fr".equals(letter.language()) ? "Objet : " : "Subject: ") + letter.subject();
            // the subject is what the letter is about: its heading for a reader jumping through it
            PDStructureElement heading = pdf.element(StandardStructureTypes.H1);
            for (String subjectLine : font.wrap(subject, TEXT_SIZE, WIDTH)) {
                write(heading, subjectLine, LEFT, y, TEXT_SIZE, Color.BLACK, true);
                y -= TEXT_SIZE * LEADING;
            }
            y -= 14;
        }

        /** The body, paragraph by paragraph, a new page whenever the next line would reach the footer. */
        void text() throws IOException {
            float lineHeight = TEXT_SIZE * LEADING;
            for (String paragraph : letter.body().strip().split("\n", -1)) {
                // an empty line only spaces the paragraphs: no element of its own
                PDStructureElement element = paragraph.isBlank() ? null : paragraph();
                for (String line : font.wrap(paragraph, TEXT_SIZE, WIDTH)) {
                    if (y - lineHeight < BOTTOM) {
                        continuationPage();
                    }
                    if (element != null) {
                        write(element, line, LEFT, y, TEXT_SIZE, Color.BLACK, false);
                    }
                    y -= lineHeight;
                }
            }
        }

        /** Room to sign, then the signatory's name under a line; on the next page when this one has no room left for both. */
        void signature() throws IOException {
            float needed = 80;
            if (y - needed < BOTTOM) {
                continuationPage();
            }
            y -= 50;
            rule(GREY, 0.6f, WINDOW_LEFT, WINDOW_LEFT + 180, y);
            y -= 14;
            write(paragraph(), letter.letterhead().signatory(), WINDOW_LEFT, y, TEXT_SIZE, Color.BLACK, false);
        }

        void close() throws IOException {
            page.close();
        }

        private void continuationPage() throws IOException {
            newPage();
            // a running head, read once already on the first page
            ArchivalPdf.artifact(page, () -> show(letter.clientName(), LEFT, TOP - 10, 9, INK, true));
            rule(INK, 0.6f, LEFT, RIGHT, TOP - 18);
            y = TOP - 48;
        }

        private void newPage() throws IOException {
            if (page != null) {
                page.close();
            }
            current = pdf.newPage(new PDPage(PAGE));
            page = new PDPageContentStream(pdf.document(), current);
        }

        /** The uploaded logo scaled into its square, or the client's initials on a coloured square. */
        private void logo() throws IOException {
            float bottom = TOP - LOGO;
            if (letter.logo() != null) {
                PDImageXObject image = pdf.image(letter.logo(), "logo");
                float scale = Math.min(LOGO / image.getWidth(), LOGO / image.getHeight());
                float width = image.getWidth() * scale;
                float height = image.getHeight() * scale;
                String alternative = "fr".equals(letter.language()) ? "Logo " + FrenchArticles.of(letter.clientInSentence())
                        : "Logo of " + letter.clientName();
                pdf.tag(pdf.figure(alternative), current, page, () ->
                        page.drawImage(image, LEFT + (LOGO - width) / 2, bottom + (LOGO - height) / 2, width, height));
                return;
            }
            // the initials only repeat the client's name, which follows as text
            ArchivalPdf.artifact(page, () -> {
                page.setNonStrokingColor(INK);
                page.addRect(LEFT, bottom, LOGO, LOGO);
                page.fill();
                String initials = initials(letter.clientName());
                float size = 24;
                show(initials, LEFT + (LOGO - font.width(initials, size)) / 2, bottom + LOGO / 2 - size / 3, size, Color.WHITE, true);
            });
        }

        private PDStructureElement paragraph() {
            return pdf.element(StandardStructureTypes.P);
        }

        /** A horizontal line, decoration only. */
        private void rule(Color colour, float width, float from, float to, float height) throws IOException {
            ArchivalPdf.artifact(page, () -> {
                page.setStrokingColor(colour);
                page.setLineWidth(width);
                page.moveTo(from, height);
                page.lineTo(to, height);
                page.stroke();
            });
        }

        private String dateLine() {
            String date = letter.date().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
            String town = letter.letterhead().town();
            if (town.isBlank()) {
                return "fr".equals(letter.language()) ? "Le " + date : date;
            }
            return town + ("fr".equals(letter.language()) ? ", le " : ", ") + date;
        }

        /** Shows a line of text as part of {@code element}. */
        private void write(PDStructureElement element, String text, float x, float baseline, float size, Color colour,
                           boolean bold) throws IOException {
            pdf.tag(element, current, page, () -> show(text, x, baseline, size, colour, bold));
        }

        private void show(String text, float x, float baseline, float size, Color colour, boolean bold) throws IOException {
            page.beginText();
            page.setFont(font.pdfFont(), size);
            page.setNonStrokingColor(colour);
            page.setStrokingColor(colour);
            page.setLineWidth(size / 30);
            // the one embedded font has no bold cut: outlining the letters as well as filling them thickens them
            page.setRenderingMode(bold ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
            page.newLineAtOffset(x, baseline);
            page.showText(font.printable(text));
            page.endText();
        }

        private static String initials(String name) {
            List<String> letters = new ArrayList<>();
            for (String word : name.split("\\s+")) {
                if (!word.isEmpty() && Character.isUpperCase(word.codePointAt(0)) && letters.size() < 3) {
                    letters.add(Character.toString(word.codePointAt(0)));
                }
            }
            return letters.isEmpty() ? "?" : String.join("", letters);
        }
    }
}
