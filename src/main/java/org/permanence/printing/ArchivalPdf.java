package org.permanence.printing;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import javax.xml.transform.TransformerException;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.color.PDIndexed;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * A PDF fit for archiving and for screen readers, as Permanence prints letters and summaries:
 * PDF/A-2a (ISO 19005-2, level A: accessible). That is PDF/A-2b's guarantees (every font embedded,
 * colours tied to an sRGB output intent, XMP metadata matching the document information) plus a
 * tagged structure: a {@code Document} of headings, paragraphs and figures, each drawn inside marked
 * content that points back to it, and everything else (rules, page numbers, running heads) marked
 * as an artifact, so a reader reads the letter and not its decoration. Content streams are written
 * by the caller; it wraps what it draws in {@link #tag} or {@link #artifact}.
 */
public final class ArchivalPdf implements Closeable {

    /** The output intent's profile: the sRGB profile every Java runtime ships, an ICC v2 display profile. */
    private static final String SRGB = "sRGB IEC61966-2.1";
    private static final String PRODUCER = "Permanence";

    private final PDDocument document = new PDDocument();
    private final PDStructureElement root;
    private final Map<PDPage, COSArray> markedContentOwners = new LinkedHashMap<>();

    /** Draws into a content stream; what {@link #tag} and {@link #artifact} wrap. */
    @FunctionalInterface
    public interface Drawing {
        void draw() throws IOException;
    }

    /**
     * A new empty document titled {@code title}, written by {@code author}, in the language
     * {@code language} (a BCP 47 tag such as "fr" or "en", which a screen reader speaks it in).
     */
    public ArchivalPdf(String title, String author, String language) {
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        catalog.setLanguage(Locale.forLanguageTag(language).toLanguageTag());
        PDMarkInfo marked = new PDMarkInfo();
        marked.setMarked(true);
        catalog.setMarkInfo(marked);
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        catalog.setViewerPreferences(preferences);
        PDStructureTreeRoot tree = new PDStructureTreeRoot();
        catalog.setStructureTreeRoot(tree);
        root = new PDStructureElement(StandardStructureTypes.DOCUMENT, tree);
        tree.appendKid(root);
        identify(title, author);
        outputIntent();
    }

    public PDDocument document() {
        return document;
    }

    /** Adds a page, tagged content on it to be found in reading order (the order of the structure). */
    public PDPage newPage(PDPage page) {
        page.getCOSObject().setItem(COSName.getPDFName("Tabs"), COSName.S);
        document.addPage(page);
        return page;
    }

    /**
     * An uploaded picture (PNG, JPEG) ready to draw: as it is when its colours are RGB or grey (its
     * transparency a soft mask, which PDF/A-2 allows), redrawn in RGB when they are CMYK (a JPEG
     * from a print shop), which the sRGB output intent cannot describe.
     */
    public PDImageXObject image(byte[] picture, String name) throws IOException {
        PDImageXObject image = PDImageXObject.createFromByteArray(document, picture, name);
        PDColorSpace colours = image.getColorSpace();
        if (colours instanceof PDDeviceRGB || colours instanceof PDDeviceGray || colours instanceof PDIndexed) {
            return image;
        }
        return LosslessFactory.createFromImage(document, image.getImage());
    }

    /** A new element of the document's structure (a {@link StandardStructureTypes} type), after the others. */
    public PDStructureElement element(String type) {
        PDStructureElement element = new PDStructureElement(type, root);
        root.appendKid(element);
        return element;
    }

    /** A figure, with the text a reader says instead of showing it. */
    public PDStructureElement figure(String alternativeText) {
        PDStructureElement figure = element(StandardStructureTypes.Figure);
        figure.setAlternateDescription(alternativeText);
        return figure;
    }

    /**
     * Draws content belonging to {@code element} on {@code page}: one marked-content sequence, and
     * its reference in the element. An element may have several (a paragraph over two pages).
     */
    public void tag(PDStructureElement element, PDPage page, PDPageContentStream stream, Drawing drawing) throws IOException {
        COSArray owners = markedContentOwners.computeIfAbsent(page, p -> new COSArray());
        int id = owners.size();
        owners.add(element);
        COSDictionary properties = new COSDictionary();
        properties.setInt(COSName.MCID, id);
        stream.beginMarkedContent(COSName.getPDFName(element.getStructureType()), PDPropertyList.create(properties));
        drawing.draw();
        stream.endMarkedContent();
        PDMarkedContentReference reference = new PDMarkedContentReference();
        reference.setMCID(id);
        reference.setPage(page);
        element.appendKid(reference);
    }

    /** Draws decoration that is not part of the text read out: rules, page numbers, running heads. */
    public static void artifact(PDPageContentStream stream, Drawing drawing) throws IOException {
        stream.beginMarkedContent(COSName.ARTIFACT);
        drawing.draw();
        stream.endMarkedContent();
    }

    /** Finishes the structure (which element each marked content belongs to, page by page) and saves. */
    public byte[] toBytes() throws IOException {
        PDStructureTreeRoot tree = document.getDocumentCatalog().getStructureTreeRoot();
        COSArray numbers = new COSArray();
        int key = 0;
        for (Map.Entry<PDPage, COSArray> page : markedContentOwners.entrySet()) {
            page.getKey().setStructParents(key);
            numbers.add(COSInteger.get(key));
            numbers.add(page.getValue());
            key++;
        }
        PDNumberTreeNode parents = new PDNumberTreeNode(PDStructureElement.class);
        parents.getCOSObject().setItem(COSName.NUMS, numbers);
        tree.setParentTree(parents);
        tree.setParentTreeNextKey(key);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        document.save(pdf);
        return pdf.toByteArray();
    }

    @Override
    public void close() throws IOException {
        document.close();
    }

    /**
     * The document information and the same facts in XMP, which PDF/A requires to agree (dates to
     * the second), with the PDF/A part and level claimed.
     */
    private void identify(String title, String author) {
        Calendar now = Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        now.set(Calendar.MILLISECOND, 0);
        PDDocumentInformation information = document.getDocumentInformation();
        information.setTitle(title);
        information.setAuthor(author);
        information.setProducer(PRODUCER);
        information.setCreationDate(now);
        information.setModificationDate(now);
        try {
            XMPMetadata xmp = XMPMetadata.createXMPMetadata();
            PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
            pdfa.setPart(2);
            pdfa.setConformance("A");
            DublinCoreSchema dublinCore = xmp.createAndAddDublinCoreSchema();
            dublinCore.setTitle(title);
            dublinCore.addCreator(author);
            dublinCore.setFormat("application/pdf");
            XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
            basic.setCreateDate(now);
            basic.setModifyDate(now);
            AdobePDFSchema adobe = xmp.createAndAddAdobePDFSchema();
            adobe.setProducer(PRODUCER);
            ByteArrayOutputStream serialized = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, serialized, true);
            PDMetadata metadata = new PDMetadata(document);
            metadata.importXMPMetadata(serialized.toByteArray());
            document.getDocumentCatalog().setMetadata(metadata);
        } catch (BadFieldValueException | TransformerException e) {
            throw new IllegalStateException("Could not write the PDF/A metadata of \"" + title + "\"", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ties every device colour (text, rules, the logo's RGB) to sRGB, as PDF/A requires. */
    private void outputIntent() {
        try {
            byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
            PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(profile));
            intent.setInfo(SRGB);
            intent.setOutputCondition(SRGB);
            intent.setOutputConditionIdentifier(SRGB);
            intent.setRegistryName("http://www.color.org");
            document.getDocumentCatalog().addOutputIntent(intent);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not embed the sRGB profile", e);
        }
    }
}
