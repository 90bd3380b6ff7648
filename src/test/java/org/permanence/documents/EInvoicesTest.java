package org.permanence.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.permanence.documents.Reading.Outcome;
import org.springframework.util.unit.DataSize;

/**
 * Factur-X and ZUGFeRD PDFs read from their attached invoice XML, exactly; and the attachments an
 * attacker would write (an external entity, a billion laughs, a huge file) set aside without harm,
 * the PDF then read from its text like any other.
 */
@Tag("unit")
class EInvoicesTest {

    /** A Factur-X invoice in the CII syntax, as the French e-invoicing profiles write it. */
    static final String FACTUR_X = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
                xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
                xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
              <rsm:ExchangedDocument>
                <ram:ID>FA-2026-0117</ram:ID>
                <ram:TypeCode>380</ram:TypeCode>
                <ram:IssueDateTime><udt:DateTimeString format="102">20260314</udt:DateTimeString></ram:IssueDateTime>
              </rsm:ExchangedDocument>
              <rsm:SupplyChainTradeTransaction>
                <ram:IncludedSupplyChainTradeLineItem>
                  <ram:SpecifiedLineTradeSettlement>
                    <ram:ApplicableTradeTax><ram:RateApplicablePercent>20</ram:RateApplicablePercent></ram:ApplicableTradeTax>
                  </ram:SpecifiedLineTradeSettlement>
                </ram:IncludedSupplyChainTradeLineItem>
                <ram:ApplicableHeaderTradeAgreement>
                  <ram:SellerTradeParty>
                    <ram:Name>Plomberie Leroy SARL</ram:Name>
                    <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">FR11999999998</ram:ID></ram:SpecifiedTaxRegistration>
                  </ram:SellerTradeParty>
                  <ram:BuyerTradeParty><ram:Name>Cabinet Martin</ram:Name></ram:BuyerTradeParty>
                </ram:ApplicableHeaderTradeAgreement>
                <ram:ApplicableHeaderTradeSettlement>
                  <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
                  <ram:ApplicableTradeTax>
                    <ram:CalculatedAmount>200.00</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode>
                    <ram:BasisAmount>1000.00</ram:BasisAmount><ram:RateApplicablePercent>20</ram:RateApplicablePercent>
                  </ram:ApplicableTradeTax>
                  <ram:ApplicableTradeTax>
                    <ram:CalculatedAmount>5.50</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode>
                    <ram:BasisAmount>100.00</ram:BasisAmount><ram:RateApplicablePercent>5.5</ram:RateApplicablePercent>
                  </ram:ApplicableTradeTax>
                  <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
                    <ram:TaxBasisTotalAmount>1100.00</ram:TaxBasisTotalAmount>
                    <ram:TaxTotalAmount currencyID="EUR">205.50</ram:TaxTotalAmount>
                    <ram:GrandTotalAmount>1305.50</ram:GrandTotalAmount>
                    <ram:DuePayableAmount>1305.50</ram:DuePayableAmount>
                  </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
                </ram:ApplicableHeaderTradeSettlement>
              </rsm:SupplyChainTradeTransaction>
            </rsm:CrossIndustryInvoice>
            """;
    /** What the page says, wrong on purpose where the XML is right: the fields must come from the XML. */
    static final List<String> PAGE = List.of("Plomberie Leroy", "FACTURE N° 99-PAGE", "Date : 01/01/2020", "Total TTC : 9,99 EUR");

    @TempDir
    static Path dataDir;
    static DocumentReader reader;

    @BeforeAll
    static void reader() {
        reader = new DocumentReader(DocumentReaderTest.properties(DataSize.ofMegabytes(10), 20), dataDir);
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    @Test
    void aFacturXPdfGivesItsInvoiceFromItsXml() {
        Reading reading = reader.read(facturX(PAGE, "factur-x.xml", FACTUR_X.getBytes(StandardCharsets.UTF_8)));

        assertThat(reading.outcome()).isEqualTo(Outcome.READ);
        EInvoice invoice = reading.eInvoice();
        assertThat(invoice).isNotNull();
        assertThat(invoice.number()).isEqualTo("FA-2026-0117");
        assertThat(invoice.issued()).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(invoice.seller()).isEqualTo("Plomberie Leroy SARL");
        assertThat(invoice.sellerVatId()).isEqualTo("FR11999999998");
        assertThat(invoice.buyer()).isEqualTo("Cabinet Martin");
        assertThat(invoice.currency()).isEqualTo("EUR");
        assertThat(invoice.netTotal()).isEqualByComparingTo("1100");
        assertThat(invoice.vatTotal()).isEqualByComparingTo("205.50");
        assertThat(invoice.grandTotal()).isEqualByComparingTo("1305.50");
        assertThat(invoice.vat()).containsExactly(new EInvoice.Vat(new BigDecimal("20"), new BigDecimal("1000.00"), new BigDecimal("200.00")),
                new EInvoice.Vat(new BigDecimal("5.5"), new BigDecimal("100.00"), new BigDecimal("5.50")));

        KeyFields fields = KeyFields.of(reading);
        assertThat(fields).isEqualTo(new KeyFields(LocalDate.of(2026, 3, 14), "1305.50 EUR", "Plomberie Leroy SARL", "FA-2026-0117"));
    }

    @Test
    void aPdfWithoutAnInvoiceAttachmentHasNoEInvoice() {
        Reading reading = reader.read(facturX(PAGE, "notes.xml", FACTUR_X.getBytes(StandardCharsets.UTF_8)));

        assertThat(reading.outcome()).isEqualTo(Outcome.READ);
        assertThat(reading.eInvoice()).isNull();
        assertThat(KeyFields.of(reading).invoiceNumber()).isEqualTo("99-PAGE");
    }

    /** The Factur-X and ZUGFeRD files of the shared corpus (Apache-2.0, ZUGFeRD/corpus and others), when it is beside the project. */
    @Test
    void theCorpusEInvoicesAllGiveTheirNumberSellerAndTotal() throws IOException {
        Path invoices = Path.of("../shared/corpus/invoice");
        assumeTrue(Files.isDirectory(invoices), "no corpus beside the project");
        Reading facturX = reader.read(Files.readAllBytes(invoices.resolve("corpus__ZUGFeRDv2__correct__FNFE-factur-x-examples__Facture_FR_BASICWL.pdf")));
        assertThat(facturX.eInvoice()).isEqualTo(new EInvoice("FA-2017-0010", LocalDate.of(2017, 11, 13), "Au bon moulin", "FR11999999998",
                "Ma jolie boutique", "EUR", new BigDecimal("624.90"), new BigDecimal("46.25"), new BigDecimal("671.15"),
                new BigDecimal("470.15"), facturX.eInvoice().vat()));
        assertThat(facturX.eInvoice().vat()).isNotEmpty();

        Reading zugferdOne = reader.read(Files.readAllBytes(invoices.resolve("corpus__ZUGFeRDv1__correct__Konik__acme_invoice-42_ZUGFeRD.pdf")));
        assertThat(zugferdOne.eInvoice()).isNotNull();
        assertThat(zugferdOne.eInvoice().number()).isNotBlank();
        assertThat(zugferdOne.eInvoice().grandTotal()).isNotNull();

        int withXml = 0;
        try (var files = Files.list(invoices)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("(?i).*(zugferd|factur|fx_|zf_|103767).*\\.pdf")).toList()) {
                EInvoice invoice = reader.read(Files.readAllBytes(file)).eInvoice();
                assertThat(invoice).as(file.getFileName().toString()).isNotNull();
                assertThat(invoice.seller()).as(file.getFileName().toString()).isNotBlank();
                assertThat(invoice.grandTotal()).as(file.getFileName().toString()).isNotNull();
                withXml++;
            }
        }
        assertThat(withXml).isGreaterThanOrEqualTo(10);
    }

    /** XXE: an external entity naming a file of the node; were it read, its text would be the seller's name. */
    @Test
    void anExternalEntityIsNeverResolved() throws IOException {
        Path secret = Files.writeString(dataDir.resolve("secret.txt"), "SECRET-OF-THE-NODE");
        String xxe = FACTUR_X.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE rsm:CrossIndustryInvoice [<!ENTITY secret SYSTEM \""
                                + secret.toUri() + "\">]>")
                .replace("Plomberie Leroy SARL", "&secret;");

        assertThat(EInvoices.parse(xxe.getBytes(StandardCharsets.UTF_8))).isEmpty();
        Reading reading = reader.read(facturX(PAGE, "factur-x.xml", xxe.getBytes(StandardCharsets.UTF_8)));
        assertThat(reading.outcome()).isEqualTo(Outcome.READ);
        assertThat(reading.eInvoice()).isNull();
        assertThat(reading.text()).doesNotContain("SECRET-OF-THE-NODE");
        assertThat(KeyFields.of(reading).sender()).isEqualTo("Plomberie Leroy");
    }

    /** A billion laughs: ten levels of ten entities, a few hundred bytes that would expand to gigabytes. */
    @Test
    void aBillionLaughsIsRefusedAtOnce() {
        StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int level = 1; level < 10; level++) {
            entities.append("<!ENTITY lol").append(level).append(" \"").append(("&lol" + (level - 1) + ";").repeat(10)).append("\">");
        }
        String bomb = FACTUR_X.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE rsm:CrossIndustryInvoice [" + entities + "]>")
                .replace("Plomberie Leroy SARL", "&lol9;");

        long start = System.nanoTime();
        Reading reading = reader.read(facturX(PAGE, "factur-x.xml", bomb.getBytes(StandardCharsets.UTF_8)));

        assertThat(reading.outcome()).isEqualTo(Outcome.READ);
        assertThat(reading.eInvoice()).isNull();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    }

    /** An attachment past the bound is not parsed, however well-formed: the parser's memory follows the XML's size. */
    @Test
    void anOversizedAttachmentIsNotParsed() {
        String padding = "<ram:IncludedNote><ram:Content>" + "x".repeat(1000) + "</ram:Content></ram:IncludedNote>\n";
        String huge = FACTUR_X.replace("<ram:TypeCode>380</ram:TypeCode>",
                "<ram:TypeCode>380</ram:TypeCode>" + padding.repeat(EInvoices.MAX_XML_BYTES / padding.length() + 10));

        assertThat(EInvoices.parse(huge.getBytes(StandardCharsets.UTF_8))).as("well-formed").isPresent();
        Reading reading = reader.read(facturX(PAGE, "factur-x.xml", huge.getBytes(StandardCharsets.UTF_8)));
        assertThat(reading.outcome()).isEqualTo(Outcome.READ);
        assertThat(reading.eInvoice()).isNull();
    }

    @Test
    void xmlOfAnotherKindOrBrokenIsNoInvoice() {
        assertThat(EInvoices.parse("<note><ID>1</ID></note>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(EInvoices.parse("<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:x\"><unclosed>".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    /** A text PDF with {@code xml} attached under {@code name}, as Factur-X attaches it (the catalogue's EmbeddedFiles). */
    static byte[] facturX(List<String> page, String name, byte[] xml) {
        try (PDDocument pdf = Loader.loadPDF(TestDocuments.textPdf(1, page)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDEmbeddedFile embedded = new PDEmbeddedFile(pdf, new ByteArrayInputStream(xml));
            embedded.setSubtype("text/xml");
            embedded.setSize(xml.length);
            PDComplexFileSpecification file = new PDComplexFileSpecification();
            file.setFile(name);
            file.setFileUnicode(name);
            file.setEmbeddedFile(embedded);
            file.setEmbeddedFileUnicode(embedded);
            PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
            files.setNames(Map.of(name, file));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(pdf.getDocumentCatalog());
            names.setEmbeddedFiles(files);
            pdf.getDocumentCatalog().setNames(names);
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
