package org.permanence.documents;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * The small files that took gigabytes of a node, made as an attacker makes them: each is written
 * packed, row by row or block by block, so the test never holds what they unpack to.
 */
final class HostileDocuments {

    private HostileDocuments() {
    }

    /** A 30000 × 30000 pixel white page, one bit a pixel: about 150 KB of PNG, 112 MB of pixels, gigabytes once scaled. */
    static byte[] hugePng() {
        int side = 30_000;
        try (ByteArrayOutputStream png = new ByteArrayOutputStream(); DataOutputStream out = new DataOutputStream(png)) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream ihdr = new DataOutputStream(header);
            ihdr.writeInt(side);
            ihdr.writeInt(side);
            ihdr.write(new byte[] {1, 0, 0, 0, 0});  // 1 bit, greyscale, deflate, no filter method, no interlace
            chunk(out, "IHDR", header.toByteArray());
            ByteArrayOutputStream pixels = new ByteArrayOutputStream();
            try (DeflaterOutputStream idat = new DeflaterOutputStream(pixels, new Deflater(Deflater.BEST_COMPRESSION))) {
                byte[] row = new byte[1 + side / 8];
                Arrays.fill(row, 1, row.length, (byte) 0xFF);  // filter byte 0, then white
                for (int y = 0; y < side; y++) {
                    idat.write(row);
                }
            }
            chunk(out, "IDAT", pixels.toByteArray());
            chunk(out, "IEND", new byte[0]);
            out.flush();
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-page PDF of a few hundred bytes whose page is 10000 × 10000 points (3.5 m a side), with no text: a "scan" for OCR. */
    static byte[] giantPagePdf() {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pdf.addPage(new PDPage(new PDRectangle(10_000, 10_000)));
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF of about 510 KB whose one page's content stream inflates to 512 MiB (of spaces). */
    static byte[] inflatingPdf() {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            COSStream content = pdf.getDocument().createCOSStream();
            content.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            try (OutputStream raw = content.createRawOutputStream()) {
                deflated(raw, ' ', 512L << 20);
            }
            page.setContents(new PDStream(content));
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A docx of about 300 KB whose word/document.xml unpacks to about 108 MB of one paragraph again and again (350 times its packed size). */
    static byte[] docxBomb() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/word/document.xml" \
                    ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
                    Target="word/document.xml"/></Relationships>""");
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document "
                    + "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>").getBytes(StandardCharsets.UTF_8));
            byte[] paragraph = "<w:p><w:r><w:t>FACTURE</w:t></w:r></w:p>".getBytes(StandardCharsets.UTF_8);
            byte[] block = new byte[paragraph.length * 25_000];
            for (int i = 0; i < 25_000; i++) {
                System.arraycopy(paragraph, 0, block, i * paragraph.length, paragraph.length);
            }
            for (int i = 0; i < 105; i++) {
                zip.write(block);
            }
            zip.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void deflated(OutputStream raw, char fill, long bytes) throws IOException {
        try (DeflaterOutputStream out = new DeflaterOutputStream(raw, new Deflater(Deflater.BEST_COMPRESSION))) {
            byte[] block = new byte[1 << 20];
            Arrays.fill(block, (byte) fill);
            for (long written = 0; written < bytes; written += block.length) {
                out.write(block);
            }
        }
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
