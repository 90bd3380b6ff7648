package org.permanence.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An electronic invoice as its own XML states it (Factur-X, ZUGFeRD: the CII syntax): exact, where
 * the same fields found in a page's text are a guess. Any part the XML leaves out is null.
 *
 * @param netTotal   the total without VAT (TaxBasisTotalAmount)
 * @param vatTotal   the VAT (TaxTotalAmount, in the invoice's currency)
 * @param grandTotal the total with VAT
 * @param duePayable what is left to pay (after prepaid amounts)
 * @param vat        the VAT breakdown, one line per rate
 */
public record EInvoice(String number, LocalDate issued, String seller, String sellerVatId, String buyer, String currency,
                       BigDecimal netTotal, BigDecimal vatTotal, BigDecimal grandTotal, BigDecimal duePayable, List<Vat> vat) {

    /** The category an e-invoice is filed under: it says itself that it is an invoice. */
    public static final String CATEGORY = "facture";
    /** Who classified a document filed on its e-invoice's word (the column {@code classified_by}). */
    public static final String CLASSIFIED_BY = "e-invoice";

    public record Vat(BigDecimal rate, BigDecimal basis, BigDecimal amount) {
    }

    /** The amount to pay as it would be written on the page, with its currency. */
    String amountToPay() {
        BigDecimal amount = duePayable != null ? duePayable : grandTotal;
        return amount == null ? null : amount.toPlainString() + (currency == null ? "" : " " + currency);
    }
}
