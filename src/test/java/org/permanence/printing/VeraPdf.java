package org.permanence.printing;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * veraPDF, the PDF/A validator of the PDF Association and the Open Preservation Foundation, with its
 * own PDF parser ("greenfield"): it does not read our PDFs through the PDFBox that wrote them.
 */
public final class VeraPdf {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private VeraPdf() {
    }

    /** The PDF/A flavours the PDF claims in its XMP metadata, as veraPDF reads them ("2a"; none for a plain PDF). */
    public static List<String> claimedFlavours(byte[] pdf) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf))) {
            return parser.getFlavours().stream().map(PDFAFlavour::getId).toList();
        }
    }

    /**
     * The rules of PDF/A-2a (which include all of PDF/A-2b's) that the PDF breaks, one line each
     * (clause, test, what veraPDF says, where): empty when it is compliant.
     */
    public static List<String> pdfA2aFailures(byte[] pdf) throws Exception {
        PDFAFlavour flavour = PDFAFlavour.PDFA_2_A;
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failures = result.getTestAssertions().stream()
                    .filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
                    .map(assertion -> assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber()
                            + ": " + assertion.getMessage() + " at " + assertion.getLocation().getContext())
                    .distinct()
                    .toList();
            if (!result.isCompliant() && failures.isEmpty()) {
                return List.of("not compliant, no failed rule reported (" + result.getJobEndStatus() + ")");
            }
            return failures;
        }
    }
}
