package org.permanence.documents;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.apache.tika.sax.ToTextContentHandler;
import org.permanence.system.BackgroundThreads;
import org.permanence.system.ProblemTexts;
import org.springframework.context.MessageSource;
import org.permanence.documents.Reading.Outcome;
import org.permanence.documents.Tesseract.OcrFailed;

/**
 * Reads one document from its bytes alone (its name may lie): Tika judges the type and extracts
 * the text layer; PDFBox counts the pages, draws the first-page preview and, when the text layer is
 * missing or thin (a scan), draws the first pages for Tesseract; images go to Tesseract directly.
 * A Factur-X or ZUGFeRD PDF's attached invoice XML is read too ({@link EInvoices}).
 * Whatever cannot be read ends in a {@link Reading} with an outcome and a reason, never in an
 * exception that a worker would retry for nothing: a file past its {@link DocumentBounds} is refused
 * before the costly work, and any error while reading, running out of memory included, is a reason too.
 */
public class DocumentReader implements AutoCloseable {

    private static final Set<MediaType> ARCHIVES = Set.of(MediaType.application("zip"), MediaType.application("x-tar"),
            MediaType.application("gzip"), MediaType.application("x-7z-compressed"), MediaType.application("x-rar-compressed"),
            MediaType.application("x-bzip2"), MediaType.application("x-xz"));
    private static final MediaType PDF = MediaType.application("pdf");
    private static final int PREVIEW_WIDTH = 600;
    private static final int PREVIEW_HEIGHT = 3 * PREVIEW_WIDTH;
    /** Enough to recognise a page at a glance; drawing it costs more than reading its text. */
    private static final int PREVIEW_DPI = 50;

    private final DocumentProperties limits;
    private final Tesseract tesseract;
    private final OcrCache ocrCache;
    private final ExecutorService parsing;
    /**
     * Tika's configuration loads every parser and detector on the classpath (POI's among them): a second of a
     * node's start-up spent before anything reads a document. So it loads on a reading thread while the node
     * goes on starting, and the first reading waits for it if it comes first.
     */
    private final CompletableFuture<Tika> tika;
    private final DocumentBounds bounds;

    /** Outside the application (a command, a test): the reasons' texts from the same files. */
    public DocumentReader(DocumentProperties limits, Path dataDir) {
        this(limits, dataDir, ProblemTexts.texts());
    }

    public DocumentReader(DocumentProperties limits, Path dataDir, MessageSource texts) {
        this.limits = limits;
        this.bounds = new DocumentBounds(limits.bounds(), texts);
        this.tesseract = new Tesseract(limits.tesseract(), limits.ocrLanguages(), limits.ocrPageTimeout(), limits.bounds().ocrMemory());
        this.ocrCache = new OcrCache(dataDir.resolve("ocr-cache"));
        this.parsing = Executors.newCachedThreadPool(BackgroundThreads.named("document-reading"));
        this.tika = CompletableFuture.supplyAsync(Tika::load, parsing);
    }

    /** Forgets the texts read from the file with this content hash (the OCR cache on this node's disk); answers how many. */
    public int forgetTexts(String contentHash) {
        return ocrCache.forget(contentHash);
    }

    /**
     * Forgets, on this node's disk, the texts read from files with these content hashes and those cached
     * before {@code oldest}; answers how many.
     */
    public int pruneTexts(Set<String> contentHashes, Instant oldest) {
        return ocrCache.prune(contentHashes, oldest);
    }

    public Reading read(byte[] content) {
        try {
            return readWithin(content);
        } catch (Throwable e) {
            // out of memory, a parser's own bug…: the same bytes would fail again, so a person looks at them;
            // what memory the failed try held is garbage once this returns
            return Reading.refused(Outcome.CORRUPT, null, bounds.reason("document.bounds.failed", e.toString()));
        }
    }

    private Reading readWithin(byte[] content) {
        if (content.length == 0) {
            return Reading.refused(Outcome.EMPTY, null, "Le fichier est vide (0 octet).");
        }
        if (content.length > limits.maxSize().toBytes()) {
            return Reading.refused(Outcome.TOO_LARGE, null, "Le fichier pèse " + megabytes(content.length)
                    + " Mo, au-delà de la limite de " + megabytes(limits.maxSize().toBytes()) + " Mo.");
        }
        MediaType type = detect(content);
        String mediaType = type.toString();
        if (type.equals(PDF)) {
            return readPdf(content, mediaType);
        }
        if (ARCHIVES.contains(type) || type.equals(MediaType.OCTET_STREAM)) {
            return Reading.refused(Outcome.UNSUPPORTED, mediaType, "Ce type de fichier (" + mediaType + ") n'est pas un document lisible.");
        }
        if ("image".equals(type.getType())) {
            return readImage(content, mediaType);
        }
        if (!tika().parser().getSupportedTypes(new ParseContext()).contains(type)) {
            return Reading.refused(Outcome.UNSUPPORTED, mediaType, "Ce type de fichier (" + mediaType + ") n'est pas pris en charge.");
        }
        try {
            if (zipped(content)) {
                bounds.checkZip(content);
            }
            return withText(Reading.read(mediaType, textLayer(content), 1, 0, false, null));
        } catch (Refusal refusal) {
            return refusal.reading(mediaType);
        }
    }

    public MediaType detect(byte[] content) {
        try (TikaInputStream in = TikaInputStream.get(content)) {
            return tika().config().getDetector().detect(in, new Metadata()).getBaseType();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reading readPdf(byte[] content, String mediaType) {
        try (PDDocument pdf = Loader.loadPDF(content)) {
            int pages = pdf.getNumberOfPages();
            if (pages == 0) {
                return Reading.refused(Outcome.CORRUPT, mediaType, "Le PDF ne contient aucune page.");
            }
            if (pages > limits.maxPages()) {
                return Reading.refused(Outcome.TOO_MANY_PAGES, mediaType, "Le PDF a " + pages
                        + " pages, au-delà de la limite de " + limits.maxPages() + ".");
            }
            bounds.checkPdf(pdf);
            EInvoice eInvoice = EInvoices.in(pdf).orElse(null);
            PDFRenderer renderer = new PDFRenderer(pdf);
            byte[] preview = png(preview(renderer.renderImageWithDPI(0, bounds.dpiFor(pdf.getPage(0), PREVIEW_DPI), ImageType.RGB)));
            String text = textLayer(pdf, pages);
            if (Tesseract.letters(text) >= (long) limits.minTextChars() * pages) {
                return Reading.read(mediaType, text, pages, 0, false, preview).withEInvoice(eInvoice);
            }
            int ocrPages = Math.min(pages, limits.ocrPages());
            String ocr = ocrCache.get(cacheKey(content)).orElse(null);
            boolean cached = ocr != null;
            if (!cached) {
                StringBuilder pagesRead = new StringBuilder();
                for (int page = 0; page < ocrPages; page++) {
                    float dpi = bounds.dpiFor(pdf.getPage(page), limits.ocrDpi());
                    pagesRead.append(tesseract.read(renderer.renderImageWithDPI(page, dpi, ImageType.GRAY))).append('\n');
                }
                ocr = pagesRead.toString();
                ocrCache.put(cacheKey(content), ocr);
            }
            return withText(Reading.read(mediaType, text + '\n' + ocr, pages, ocrPages, cached, preview).withEInvoice(eInvoice));
        } catch (InvalidPasswordException e) {
            return Reading.refused(Outcome.ENCRYPTED, mediaType, "Le PDF est protégé par un mot de passe : demander au client une version sans mot de passe.");
        } catch (Refusal refusal) {
            return refusal.reading(mediaType);
        } catch (OcrFailed e) {
            return Reading.refused(Outcome.CORRUPT, mediaType, "La lecture par OCR a échoué : " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return Reading.refused(Outcome.CORRUPT, mediaType, "Le PDF est endommagé et ne peut pas être lu (" + e.getMessage() + ").");
        }
    }

    private Reading readImage(byte[] content, String mediaType) {
        try {
            bounds.checkImage(content);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(content));
            if (image == null) {
                return Reading.refused(Outcome.UNSUPPORTED, mediaType, "Cette image (" + mediaType + ") ne peut pas être lue.");
            }
            byte[] preview = png(preview(image));
            String cacheKey = cacheKey(content) + "-" + OcrImage.RECIPE;
            String text = ocrCache.get(cacheKey).orElse(null);
            boolean cached = text != null;
            if (!cached) {
                text = tesseract.read(OcrImage.prepared(image, bounds));
                ocrCache.put(cacheKey, text);
            }
            return withText(Reading.read(mediaType, text, 1, 1, cached, preview));
        } catch (Refusal refusal) {
            return refusal.reading(mediaType);
        } catch (OcrFailed e) {
            return Reading.refused(Outcome.CORRUPT, mediaType, "La lecture par OCR a échoué : " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return Reading.refused(Outcome.CORRUPT, mediaType, "L'image est endommagée et ne peut pas être lue (" + e.getMessage() + ").");
        }
    }

    private static Reading withText(Reading reading) {
        if (Tesseract.letters(reading.text()) == 0) {
            return Reading.refused(Outcome.NO_TEXT, reading.mediaType(), "Aucun texte lisible dans le document, même par OCR.");
        }
        return reading;
    }

    /** Tika's text, on a thread of its own so a file that makes the parser loop is abandoned in time. */
    private String textLayer(byte[] content) throws Refusal {
        AutoDetectParser parser = tika().parser();
        Future<String> parsed = parsing.submit(() -> {
            ParseContext context = new ParseContext();
            TesseractOCRConfig noOcr = new TesseractOCRConfig();
            noOcr.setSkipOcr(true);
            context.set(TesseractOCRConfig.class, noOcr);
            // POI's default for docx and pptx builds the whole XML in memory, many times its size: read it as a stream
            OfficeParserConfig office = new OfficeParserConfig();
            office.setUseSAXDocxExtractor(true);
            office.setUseSAXPptxExtractor(true);
            context.set(OfficeParserConfig.class, office);
            PDFParserConfig pdf = new PDFParserConfig();
            pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
            pdf.setExtractInlineImages(false);
            context.set(PDFParserConfig.class, pdf);
            // past the limit Tika stops parsing (the exception) and the text so far is kept
            WriteOutContentHandler text = new WriteOutContentHandler(new ToTextContentHandler(), limits.maxTextChars(), true, context);
            try (TikaInputStream in = TikaInputStream.get(content)) {
                parser.parse(in, new BodyContentHandler(text), new Metadata(), context);
            } catch (Exception e) {
                if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                    throw e;
                }
            }
            return text.toString();
        });
        try {
            return parsed.get(limits.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            parsed.cancel(true);
            throw new Refusal(Outcome.TIMED_OUT, "La lecture du document a dépassé " + limits.readTimeout().toSeconds() + " s.");
        } catch (InterruptedException e) {
            parsed.cancel(true);
            Thread.currentThread().interrupt();
            throw new Refusal(Outcome.TIMED_OUT, "La lecture du document a été interrompue.");
        } catch (ExecutionException e) {
            throw Refusal.of(e.getCause());
        }
    }

    /**
     * The PDF is already open: its text layer is read here rather than by Tika's PDF parser (PDFBox
     * too) a second time, and only from the first pages, which is what classifying needs.
     */
    private String textLayer(PDDocument pdf, int pages) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setEndPage(Math.min(pages, limits.textPages()));
        String text = stripper.getText(pdf);
        return text.length() > limits.maxTextChars() ? text.substring(0, limits.maxTextChars()) : text;
    }

    /** A zip's first bytes: docx, xlsx, pptx, odt… are zips of parts. */
    private static boolean zipped(byte[] content) {
        return content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    private String cacheKey(byte[] content) {
        return ContentHash.of(content) + "-" + Tesseract.RECIPE + "-" + limits.ocrLanguages().replace('+', '_') + "-" + limits.ocrDpi() + "-" + limits.ocrPages();
    }

    private static BufferedImage preview(BufferedImage image) {
        // a page drawn at PREVIEW_DPI is already small and opaque: no need to draw it a second time
        if (image.getType() == BufferedImage.TYPE_INT_RGB && image.getWidth() <= PREVIEW_WIDTH && image.getHeight() <= PREVIEW_HEIGHT) {
            return image;
        }
        // a very tall strip is shown narrower rather than as a preview of millions of pixels
        long fitsHeight = Math.max(1, (long) image.getWidth() * PREVIEW_HEIGHT / image.getHeight());
        return scaled(image, (int) Math.min(Math.min(PREVIEW_WIDTH, image.getWidth()), fitsHeight));
    }

    private static BufferedImage scaled(BufferedImage image, int width) {
        int height = Math.max(1, (int) Math.round(image.getHeight() * (double) width / image.getWidth()));
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, java.awt.Color.WHITE, null);
        g.dispose();
        return scaled;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.FRANCE, "%.1f", bytes / 1_048_576.0);
    }

    @Override
    public void close() {
        parsing.shutdownNow();
    }

    private Tika tika() {
        return tika.join();
    }

    private record Tika(TikaConfig config, AutoDetectParser parser) {

        static Tika load() {
            TikaConfig config = TikaConfig.getDefaultConfig();
            return new Tika(config, new AutoDetectParser(config));
        }
    }
}
