package org.permanence.drafting;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
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
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.permanence.printing.PageNumbers;
import org.permanence.printing.PrintFont;

/**
 * A letter on the client's letterhead, as a French business letter is laid out: logo, name and
 * address at the top, the recipient's address on the right (where a window envelope shows it), the
 * town and date, the reference and subject, the text (over as many pages as it takes, each after the
 * first headed by the client's name), the signature, and the pages numbered.
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
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle(letter.subject());
            document.getDocumentInformation().setAuthor(letter.clientName());
            Writer writer = new Writer(document, PrintFont.embedIn(document), letter);
            writer.firstPage();
            writer.text();
            writer.signature();
            writer.close();
            boolean french = "fr".equals(letter.language());
            PageNumbers.stamp(document, writer.font, 8, RIGHT, BOTTOM / 2,
                    (number, count) -> "Page " + number + (french ? " sur " : " of ") + count);
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not print the letter \"" + letter.subject() + "\"", e);
        }
    }

    private static final class Writer {

        private final PDDocument document;
        private final PrintFont font;
        private final Letter letter;
        private final Locale locale;
        private PDPageContentStream page;
        private float y;

        Writer(PDDocument document, PrintFont font, Letter letter) {
            this.document = document;
            this.font = font;
            this.letter = letter;
            this.locale = Locale.forLanguageTag(letter.language());
        }

        void firstPage() throws IOException {
            newPage();
            logo();
            float x = LEFT + LOGO + 16;
            write(letter.clientName(), x, TOP - 20, 16, INK, true);
            float line = TOP - 36;
            for (String address : letter.letterhead().address()) {
                write(address, x, line, 9, GREY, false);
                line -= 11.5f;
            }
            page.setStrokingColor(INK);
            page.setLineWidth(1.2f);
            page.moveTo(LEFT, TOP - LOGO - 22);
            page.lineTo(RIGHT, TOP - LOGO - 22);
            page.stroke();

            y = TOP - LOGO - 80;
            for (String recipientLine : letter.recipient()) {
                write(recipientLine, WINDOW_LEFT, y, TEXT_SIZE, Color.BLACK, false);
                y -= TEXT_SIZE * LEADING;
            }
            y = Math.min(y, TOP - LOGO - 150) - 24;
            write(dateLine(), WINDOW_LEFT, y, TEXT_SIZE, Color.BLACK, false);
            y -= 40;
            String reference = "fr".equals(letter.language()) ? "Réf. : " : "Ref.: ";
            write(reference + letter.reference(), LEFT, y, 9, GREY, false);
            y -= 16;
            String subject = ("fr".equals(letter.language()) ? "Objet : " : "Subject: ") + letter.subject();
            for (String subjectLine : font.wrap(subject, TEXT_SIZE, WIDTH)) {
                write(subjectLine, LEFT, y, TEXT_SIZE, Color.BLACK, true);
                y -= TEXT_SIZE * LEADING;
            }
            y -= 14;
        }

        /** The body, paragraph by paragraph, a new page whenever the next line would reach the footer. */
        void text() throws IOException {
            float lineHeight = TEXT_SIZE * LEADING;
            for (String paragraph : letter.body().strip().split("\n", -1)) {
                for (String line : font.wrap(paragraph, TEXT_SIZE, WIDTH)) {
                    if (y - lineHeight < BOTTOM) {
                        continuationPage();
                    }
                    write(line, LEFT, y, TEXT_SIZE, Color.BLACK, false);
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
            page.setStrokingColor(GREY);
            page.setLineWidth(0.6f);
            page.moveTo(WINDOW_LEFT, y);
            page.lineTo(WINDOW_LEFT + 180, y);
            page.stroke();
            y -= 14;
            write(letter.letterhead().signatory(), WINDOW_LEFT, y, TEXT_SIZE, Color.BLACK, false);
        }

        void close() throws IOException {
            page.close();
        }

        private void continuationPage() throws IOException {
            newPage();
            write(letter.clientName(), LEFT, TOP - 10, 9, INK, true);
            page.setStrokingColor(INK);
            page.setLineWidth(0.6f);
            page.moveTo(LEFT, TOP - 18);
            page.lineTo(RIGHT, TOP - 18);
            page.stroke();
            y = TOP - 48;
        }

        private void newPage() throws IOException {
            if (page != null) {
                page.close();
            }
            PDPage next = new PDPage(PAGE);
            document.addPage(next);
            page = new PDPageContentStream(document, next);
        }

        /** The uploaded logo scaled into its square, or the client's initials on a coloured square. */
        private void logo() throws IOException {
            float bottom = TOP - LOGO;
            if (letter.logo() != null) {
                PDImageXObject image = PDImageXObject.createFromByteArray(document, letter.logo(), "logo");
                float scale = Math.min(LOGO / image.getWidth(), LOGO / image.getHeight());
                float width = image.getWidth() * scale;
                float height = image.getHeight() * scale;
                page.drawImage(image, LEFT + (LOGO - width) / 2, bottom + (LOGO - height) / 2, width, height);
                return;
            }
            page.setNonStrokingColor(INK);
            page.addRect(LEFT, bottom, LOGO, LOGO);
            page.fill();
            String initials = initials(letter.clientName());
            float size = 24;
            write(initials, LEFT + (LOGO - font.width(initials, size)) / 2, bottom + LOGO / 2 - size / 3, size, Color.WHITE, true);
        }

        private String dateLine() {
            String date = letter.date().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
            String town = letter.letterhead().town();
            if (town.isBlank()) {
                return "fr".equals(letter.language()) ? "Le " + date : date;
            }
            return town + ("fr".equals(letter.language()) ? ", le " : ", ") + date;
        }

        private void write(String text, float x, float baseline, float size, Color colour, boolean bold) throws IOException {
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
