package org.permanence.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.permanence.documents.DocumentProperties.Bounds;
import org.permanence.documents.Reading.Outcome;
import org.springframework.context.MessageSource;

/**
 * The {@link Bounds} of reading one document, checked from what the file says of itself, before any
 * pixel is decoded or any part parsed: an image's size from its header; a PDF's page sizes, image
 * sizes and how far each of its streams unpacks (counted while unpacking, nothing kept); a zipped
 * document's parts as its central directory lists them, each unpacked and counted. A 150 KB picture
 * of 30000 × 30000 pixels or a 500 KB PDF that unpacks to 512 MB is refused in milliseconds with
 * the reason, in the office's language, instead of taking gigabytes of the node.
 */
final class DocumentBounds {

    /** The reasons go to the office's secretaries, who read French. */
    private static final Locale OFFICE = Locale.FRENCH;
    private static final double POINTS_PER_CM = 72 / 2.54;
    /** A part unpacking to less than this is not judged on its ratio: a tiny, very regular part is normal. */
    private static final long RATIO_GRACE = 1 << 20;
    /** The PDF filters that only unpack bytes; image codecs (DCT, JPX, JBIG2, CCITT) are bounded by the pixel count. */
    private static final Set<COSName> UNPACKING = Set.of(COSName.FLATE_DECODE, COSName.FLATE_DECODE_ABBREVIATION,
            COSName.LZW_DECODE, COSName.LZW_DECODE_ABBREVIATION, COSName.ASCII_HEX_DECODE, COSName.ASCII_HEX_DECODE_ABBREVIATION,
            COSName.ASCII85_DECODE, COSName.ASCII85_DECODE_ABBREVIATION, COSName.RUN_LENGTH_DECODE,
            COSName.RUN_LENGTH_DECODE_ABBREVIATION);
    /** A whole PDF may unpack to this many times one stream's bound: enough for a long scan, not for a bomb. */
    private static final int STREAMS_PER_PDF = 10;
    /** How far into a JPEG 2000 image its size must be found: the JP2 boxes before the codestream are small. */
    private static final int JPX_HEADER_WINDOW = 1 << 20;

    private final Bounds bounds;
    private final MessageSource texts;

    DocumentBounds(Bounds bounds, MessageSource texts) {
        this.bounds = bounds;
        this.texts = texts;
    }

    /** An image's width and height from its header; a format ImageIO does not know is left to the reading to refuse. */
    void checkImage(byte[] content) throws Refusal {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                checkPixels(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new Refusal(Outcome.CORRUPT, "L'image est endommagée et ne peut pas être lue (" + e.getMessage() + ").");
        }
    }

    void checkPixels(long width, long height) throws Refusal {
        if (width * height > bounds.maxPagePixels()) {
            throw refusal(Outcome.TOO_LARGE, "document.bounds.pixels", width, height, millions(width * height),
                    millions(bounds.maxPagePixels()));
        }
    }

    /** Every page's size, every image's pixel count, and what every stream unpacks to. */
    void checkPdf(PDDocument pdf) throws Refusal, IOException {
        int number = 0;
        for (PDPage page : pdf.getPages()) {
            number++;
            PDRectangle box = page.getCropBox();
            double widthCm = box.getWidth() / POINTS_PER_CM;
            double heightCm = box.getHeight() / POINTS_PER_CM;
            if (Math.max(widthCm, heightCm) > bounds.maxPageSideCm()) {
                throw refusal(Outcome.TOO_LARGE, "document.bounds.pageSide", number, Math.round(widthCm), Math.round(heightCm),
                        bounds.maxPageSideCm());
            }
        }
        COSDocument document = pdf.getDocument();
        long unpacked = 0;
        for (COSObjectKey key : new ArrayList<>(document.getXrefTable().keySet())) {
            COSBase object = document.getObjectFromPool(key).getObject();
            if (object instanceof COSStream stream) {
                if (COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
                    checkPixels(stream.getInt(COSName.WIDTH), stream.getInt(COSName.HEIGHT));
                }
                unpacked += unpackedSize(stream);
                if (unpacked > STREAMS_PER_PDF * bounds.maxUnpackedSize().toBytes()) {
                    throw refusal(Outcome.SUSPICIOUS, "document.bounds.unpacked", megabytes(STREAMS_PER_PDF * bounds.maxUnpackedSize().toBytes()));
                }
                if (filters(stream.getFilters()).contains(COSName.JPX_DECODE)) {
                    checkJpx(stream);
                }
            }
        }
    }

    /**
     * A JPEG 2000 image's real size, from its codestream's SIZ marker: the decoder draws what the
     * codestream says, whatever the PDF's /Width and /Height claim, so a 100 × 100 image may unpack
     * to a billion pixels. The codestream's header comes first (after the JP2 boxes, an ICC profile
     * at most); one without a readable size within {@link #JPX_HEADER_WINDOW} is not decoded.
     */
    private void checkJpx(COSStream stream) throws IOException, Refusal {
        // the filters before JPXDecode, if any, were bounded above: only the first bytes are read here
        try (InputStream in = new PDStream(stream).createInputStream(List.of(COSName.JPX_DECODE.getName()))) {
            byte[] head = in.readNBytes(JPX_HEADER_WINDOW);
            for (int at = 0; at + 22 <= head.length; at++) {
                // SOC (FF4F) then SIZ (FF51): Lsiz, Rsiz, Xsiz, Ysiz, XOsiz, YOsiz
                if ((head[at] & 0xFF) == 0xFF && head[at + 1] == 0x4F && (head[at + 2] & 0xFF) == 0xFF && head[at + 3] == 0x51) {
                    long width = unsigned(head, at + 8) - unsigned(head, at + 16);
                    long height = unsigned(head, at + 12) - unsigned(head, at + 20);
                    checkPixels(Math.max(0, width), Math.max(0, height));
                    return;
                }
            }
        }
        throw refusal(Outcome.CORRUPT, "document.bounds.jpx");
    }

    private static long unsigned(byte[] bytes, int at) {
        return ((bytes[at] & 0xFFL) << 24) | ((bytes[at + 1] & 0xFFL) << 16) | ((bytes[at + 2] & 0xFFL) << 8) | (bytes[at + 3] & 0xFFL);
    }

    /** The resolution to draw a page at: {@code dpi}, or less when that would give it more pixels than the bound. */
    float dpiFor(PDPage page, float dpi) {
        PDRectangle box = page.getCropBox();
        double pixels = (box.getWidth() / 72.0 * dpi) * (box.getHeight() / 72.0 * dpi);
        return pixels <= bounds.maxPagePixels() ? dpi : (float) (dpi * Math.sqrt(bounds.maxPagePixels() / pixels) * 0.99);
    }

    /** How many times larger than {@code width} × {@code height} a picture may be drawn, at most {@code wanted}. */
    double enlargement(int width, int height, double wanted) {
        double room = Math.sqrt(bounds.maxPagePixels() / ((double) width * height));
        return Math.max(1, Math.min(wanted, room));
    }

    /**
     * A zipped document (docx, xlsx, odt…), judged as its central directory lists its parts, which is
     * how the parsers open it: how many parts, and each part unpacked and counted (a declared size may lie).
     */
    void checkZip(byte[] content) throws Refusal {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            int entries = 0;
            long unpacked = 0;
            for (Enumeration<ZipArchiveEntry> all = zip.getEntries(); all.hasMoreElements();) {
                ZipArchiveEntry entry = all.nextElement();
                if (++entries > bounds.maxZipEntries()) {
                    throw refusal(Outcome.SUSPICIOUS, "document.bounds.zipEntries", bounds.maxZipEntries());
                }
                if (entry.isDirectory()) {
                    continue;
                }
                long left = bounds.maxUnpackedSize().toBytes() - unpacked;
                long size;
                try (InputStream in = zip.getInputStream(entry)) {
                    size = count(in, left, entry.getCompressedSize(), entry.getName());
                }
                unpacked += size;
            }
        } catch (IOException e) {
            throw new Refusal(Outcome.CORRUPT, "Le document est endommagé et ne peut pas être lu (" + e.getMessage() + ").");
        }
    }

    /** The bytes of one part, counted up to {@code left}; past it, or past the ratio, a refusal. */
    private long count(InputStream in, long left, long packed, String name) throws IOException, Refusal {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int read; (read = in.read(buffer)) != -1;) {
            total += read;
            if (total > left) {
                throw refusal(Outcome.SUSPICIOUS, "document.bounds.unpacked", megabytes(bounds.maxUnpackedSize().toBytes()));
            }
            if (total > RATIO_GRACE && packed > 0 && total / packed > bounds.maxUnpackedRatio()) {
                throw refusal(Outcome.SUSPICIOUS, "document.bounds.ratio", name, bounds.maxUnpackedRatio());
            }
        }
        return total;
    }

    /**
     * What a stream's unpacking filters give, counted and dropped as it comes: PDFBox would keep a
     * stream's unpacked bytes in memory, all of them. A stream decoded by an image codec first is
     * counted up to that codec.
     */
    private long unpackedSize(COSStream stream) throws IOException, Refusal {
        List<COSName> filters = filters(stream.getFilters());
        int unpacking = 0;
        while (unpacking < filters.size() && UNPACKING.contains(filters.get(unpacking))) {
            unpacking++;
        }
        if (unpacking == 0) {
            return stream.getLength();
        }
        long bound = bounds.maxUnpackedSize().toBytes();
        InputStream in = stream.createRawInputStream();
        try {
            for (int index = 0; index < unpacking - 1; index++) {
                // a chain of unpacking filters (rare): each step kept, within the bound, for the next
                BoundedBytes step = new BoundedBytes(bound);
                decode(filters.get(index), in, step, stream, index);
                in.close();
                in = new ByteArrayInputStream(step.toByteArray());
            }
            BoundedBytes last = new BoundedBytes(bound).counting();
            decode(filters.get(unpacking - 1), in, last, stream, unpacking - 1);
            return last.size();
        } finally {
            in.close();
        }
    }

    private void decode(COSName name, InputStream in, BoundedBytes out, COSStream stream, int index) throws IOException, Refusal {
        Filter filter = FilterFactory.INSTANCE.getFilter(name);
        try {
            filter.decode(in, out, stream, index);
        } catch (BoundedBytes.Exceeded e) {
            throw refusal(Outcome.SUSPICIOUS, "document.bounds.unpacked", megabytes(bounds.maxUnpackedSize().toBytes()));
        }
    }

    private static List<COSName> filters(COSBase filters) {
        if (filters instanceof COSName name) {
            return List.of(name);
        }
        List<COSName> names = new ArrayList<>();
        if (filters instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSName name) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private Refusal refusal(Outcome outcome, String code, Object... arguments) {
        return new Refusal(outcome, reason(code, arguments));
    }

    /** A reason a secretary reads, from its code in {@code i18n/problems*.properties}. */
    String reason(String code, Object... arguments) {
        return texts.getMessage(code, arguments, OFFICE);
    }

    private static long millions(long pixels) {
        return Math.round(pixels / 1_000_000.0);
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }

    /**
     * Where unpacked bytes go: kept up to the bound, or only counted; past the bound the unpacking
     * stops at once (an unchecked exception, as a filter may wrap or swallow an {@link IOException}).
     */
    private static final class BoundedBytes extends OutputStream {

        static final class Exceeded extends RuntimeException {
            Exceeded() {
                super(null, null, false, false);
            }
        }

        private final long bound;
        private ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private long size;

        BoundedBytes(long bound) {
            this.bound = bound;
        }

        BoundedBytes counting() {
            kept = null;
            return this;
        }

        @Override
        public void write(int b) {
            grow(1);
            if (kept != null) {
                kept.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            grow(length);
            if (kept != null) {
                kept.write(bytes, offset, length);
            }
        }

        private void grow(int length) {
            size += length;
            if (size > bound) {
                throw new Exceeded();
            }
        }

        long size() {
            return size;
        }

        byte[] toByteArray() {
            return kept.toByteArray();
        }
    }
}
