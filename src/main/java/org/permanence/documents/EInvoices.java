package org.permanence.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Finds the invoice a Factur-X or ZUGFeRD PDF carries as an attached XML file and reads its key
 * fields. The XML comes from outside: a DOCTYPE is refused outright (no entity of any kind, so no
 * XXE and no billion laughs), nothing is fetched, and an attachment past {@link #MAX_XML_BYTES}
 * is not parsed. A bad or hostile attachment is set aside and the PDF is read as any other: its
 * text still gives the fields, as a guess. See {@code docs/decisions/0005-e-invoices-parsed-here.md}.
 */
final class EInvoices {

    private static final Logger log = LoggerFactory.getLogger(EInvoices.class);

    /** The names the Factur-X, ZUGFeRD 1 and 2 standards give the invoice's XML, compared in lower case. */
    private static final Set<String> INVOICE_FILES = Set.of("factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml");
    /** A real CII invoice of a few hundred lines is 20 to 200 KB; 2 MB leaves room and bounds the parser's memory. */
    static final int MAX_XML_BYTES = 2 << 20;
    /** How deep and how wide the attachments' name tree is walked: a real one is one level of one to three files. */
    private static final int MAX_TREE_DEPTH = 4;
    private static final int MAX_TREE_NODES = 100;
    private static final int MAX_VAT_LINES = 20;
    private static final DateTimeFormatter CII_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DocumentBuilderFactory XML = hardenedFactory();

    private EInvoices() {
    }

    /** The e-invoice of {@code pdf}, when it carries one that reads as a CII invoice. */
    static Optional<EInvoice> in(PDDocument pdf) {
        try {
            Optional<byte[]> xml = invoiceXml(pdf);
            return xml.isEmpty() ? Optional.empty() : parse(xml.get());
        } catch (IOException | RuntimeException e) {
            log.warn("an e-invoice attachment could not be read, the PDF is read from its text: {}", e.toString());
            return Optional.empty();
        }
    }

    private static Optional<byte[]> invoiceXml(PDDocument pdf) throws IOException {
        PDEmbeddedFilesNameTreeNode files = new PDDocumentNameDictionary(pdf.getDocumentCatalog()).getEmbeddedFiles();
        if (files == null) {
            return Optional.empty();
        }
        List<PDComplexFileSpecification> found = new ArrayList<>();
        collect(files, 0, new int[1], found);
        for (PDComplexFileSpecification file : found) {
            String name = file.getFileUnicode() != null ? file.getFileUnicode() : file.getFilename();
            PDEmbeddedFile embedded = file.getEmbeddedFileUnicode() != null ? file.getEmbeddedFileUnicode() : file.getEmbeddedFile();
            if (name == null || embedded == null || !INVOICE_FILES.contains(name.strip().toLowerCase(Locale.ROOT))) {
                continue;
            }
            try (InputStream in = embedded.createInputStream()) {
                byte[] xml = in.readNBytes(MAX_XML_BYTES + 1);
                if (xml.length > MAX_XML_BYTES) {
                    log.warn("the e-invoice attachment {} is over {} bytes: not parsed", name, MAX_XML_BYTES);
                    return Optional.empty();
                }
                return Optional.of(xml);
            }
        }
        return Optional.empty();
    }

    private static void collect(PDNameTreeNode<PDComplexFileSpecification> node, int depth, int[] nodes, List<PDComplexFileSpecification> found)
            throws IOException {
        if (depth > MAX_TREE_DEPTH || ++nodes[0] > MAX_TREE_NODES) {
            return;
        }
        Map<String, PDComplexFileSpecification> names = node.getNames();
        if (names != null) {
            found.addAll(names.values());
        }
        List<PDNameTreeNode<PDComplexFileSpecification>> kids = node.getKids();
        if (kids != null) {
            for (PDNameTreeNode<PDComplexFileSpecification> kid : kids) {
                collect(kid, depth + 1, nodes, found);
            }
        }
    }

    /** The fields of a CII invoice (Factur-X, ZUGFeRD 2: CrossIndustryInvoice; ZUGFeRD 1: CrossIndustryDocument). */
    static Optional<EInvoice> parse(byte[] xml) {
        Element root;
        try {
            DocumentBuilder builder;
            synchronized (XML) {
                // a factory is not said to be safe across threads; its builders are used by one thread each
                builder = XML.newDocumentBuilder();
            }
            builder.setErrorHandler(null);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("no external entity is fetched: " + systemId);
            });
            root = builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            log.warn("an e-invoice attachment is not well-formed or not allowed XML, set aside: {}", e.getMessage());
            return Optional.empty();
        }
        String kind = root.getLocalName();
        if (!"CrossIndustryInvoice".equals(kind) && !"CrossIndustryDocument".equals(kind)) {
            return Optional.empty();
        }
        Optional<Element> document = first(root, "ExchangedDocument").or(() -> first(root, "HeaderExchangedDocument"));
        Optional<Element> seller = first(root, "SellerTradeParty");
        Optional<Element> settlement = first(root, "ApplicableHeaderTradeSettlement")
                .or(() -> first(root, "ApplicableSupplyChainTradeSettlement"));
        Optional<Element> sums = first(root, "SpecifiedTradeSettlementHeaderMonetarySummation")
                .or(() -> first(root, "SpecifiedTradeSettlementMonetarySummation"));
        String currency = settlement.flatMap(s -> child(s, "InvoiceCurrencyCode")).map(EInvoices::text).orElse(null);
        EInvoice invoice = new EInvoice(
                document.flatMap(d -> child(d, "ID")).map(EInvoices::text).orElse(null),
                document.flatMap(d -> child(d, "IssueDateTime")).flatMap(d -> child(d, "DateTimeString")).flatMap(EInvoices::date).orElse(null),
                seller.flatMap(s -> child(s, "Name")).map(EInvoices::text).orElse(null),
                seller.map(EInvoices::vatId).orElse(null),
                first(root, "BuyerTradeParty").flatMap(b -> child(b, "Name")).map(EInvoices::text).orElse(null),
                currency,
                sums.flatMap(s -> amount(s, "TaxBasisTotalAmount", currency)).orElse(null),
                sums.flatMap(s -> amount(s, "TaxTotalAmount", currency)).orElse(null),
                sums.flatMap(s -> amount(s, "GrandTotalAmount", currency)).orElse(null),
                sums.flatMap(s -> amount(s, "DuePayableAmount", currency)).orElse(null),
                settlement.map(EInvoices::vat).orElse(List.of()));
        if (invoice.number() == null && invoice.grandTotal() == null) {
            return Optional.empty();
        }
        return Optional.of(invoice);
    }

    private static String vatId(Element seller) {
        for (Element registration : children(seller, "SpecifiedTaxRegistration")) {
            Optional<Element> id = child(registration, "ID");
            if (id.isPresent() && "VA".equals(id.get().getAttribute("schemeID"))) {
                return text(id.get());
            }
        }
        return null;
    }

    /** The header's VAT lines (the invoice lines have theirs elsewhere): rate, basis, amount. */
    private static List<EInvoice.Vat> vat(Element settlement) {
        List<EInvoice.Vat> lines = new ArrayList<>();
        for (Element tax : children(settlement, "ApplicableTradeTax")) {
            if (lines.size() == MAX_VAT_LINES) {
                break;
            }
            Optional<BigDecimal> rate = child(tax, "RateApplicablePercent").or(() -> child(tax, "ApplicablePercent")).flatMap(EInvoices::number);
            lines.add(new EInvoice.Vat(rate.orElse(null), child(tax, "BasisAmount").flatMap(EInvoices::number).orElse(null),
                    child(tax, "CalculatedAmount").flatMap(EInvoices::number).orElse(null)));
        }
        return List.copyOf(lines);
    }

    /** An amount of the summation; of several (the VAT may be given in two currencies), the one in the invoice's currency. */
    private static Optional<BigDecimal> amount(Element sums, String name, String currency) {
        List<Element> amounts = children(sums, name);
        return amounts.stream().filter(a -> currency == null || a.getAttribute("currencyID").isEmpty() || currency.equals(a.getAttribute("currencyID")))
                .findFirst().or(() -> amounts.stream().findFirst()).flatMap(EInvoices::number);
    }

    private static Optional<BigDecimal> number(Element element) {
        try {
            return Optional.of(new BigDecimal(text(element)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(Element dateTime) {
        try {
            String value = text(dateTime);
            return Optional.of(LocalDate.parse(value.length() > 8 ? value.substring(0, 8) : value, CII_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String text(Element element) {
        String text = element.getTextContent().strip().replaceAll("\\s+", " ");
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    /** The first element of that local name, depth first: each of the header's parts is unique in a CII invoice. */
    private static Optional<Element> first(Element root, String localName) {
        org.w3c.dom.NodeList all = root.getElementsByTagNameNS("*", localName);
        return all.getLength() == 0 ? Optional.empty() : Optional.of((Element) all.item(0));
    }

    private static Optional<Element> child(Element parent, String localName) {
        return children(parent, localName).stream().findFirst();
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                children.add(element);
            }
        }
        return children;
    }

    /**
     * No DOCTYPE at all (so no entity, internal or external), no external DTD or schema, no XInclude:
     * a CII invoice needs none of them, and each is a way in (XXE, billion laughs).
     */
    private static DocumentBuilderFactory hardenedFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened: e-invoices would not be read safely", e);
        }
        return factory;
    }
}
