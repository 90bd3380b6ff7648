package org.permanence.documents;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields a secretary looks for first, found in a document's text where they are plain to see:
 * its date, the amount to pay, who sent it and the invoice number. A field that cannot be found
 * with confidence is left empty rather than guessed.
 */
public record KeyFields(LocalDate date, String amount, String sender, String invoiceNumber) {

    private static final Pattern NUMERIC_DATE = Pattern.compile("\\b(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})\\b");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern WORDED_DATE = Pattern.compile("\\b(\\d{1,2})(?:er)?\\s+([\\p{L}]{3,9})\\.?\\s+(\\d{4})\\b");
    private static final Pattern TOTAL = Pattern.compile(
            "(?i)(?:net\\s+à\\s+payer|total\\s+ttc|montant\\s+ttc|total\\s+due|amount\\s+due|balance\\s+due|grand\\s+total|total)"
                    + "[^\\d\\n]{0,30}?([€$£]?\\s?\\d{1,3}(?:[ .,\\u00a0]?\\d{3})*(?:[.,]\\d{2})\\s?(?:€|EUR|USD|\\$|£)?)");
    private static final Pattern INVOICE_NUMBER = Pattern.compile(
            "(?i)(?:facture|invoice)\\s*(?:n[°o]\\.?|num(?:é|e)ro|number|no\\.?|#)\\s*:?\\s*([A-Z0-9][A-Z0-9/_-]{2,30})");
    private static final Pattern DECIMALS = Pattern.compile("[.,](\\d{1,2})$");
    private static final Map<String, Month> MONTHS = Map.ofEntries(
            Map.entry("janvier", Month.JANUARY), Map.entry("january", Month.JANUARY), Map.entry("jan", Month.JANUARY),
            Map.entry("fevrier", Month.FEBRUARY), Map.entry("février", Month.FEBRUARY), Map.entry("february", Month.FEBRUARY), Map.entry("feb", Month.FEBRUARY),
            Map.entry("mars", Month.MARCH), Map.entry("march", Month.MARCH), Map.entry("mar", Month.MARCH),
            Map.entry("avril", Month.APRIL), Map.entry("april", Month.APRIL), Map.entry("apr", Month.APRIL),
            Map.entry("mai", Month.MAY), Map.entry("may", Month.MAY),
            Map.entry("juin", Month.JUNE), Map.entry("june", Month.JUNE), Map.entry("jun", Month.JUNE),
            Map.entry("juillet", Month.JULY), Map.entry("july", Month.JULY), Map.entry("jul", Month.JULY),
            Map.entry("aout", Month.AUGUST), Map.entry("août", Month.AUGUST), Map.entry("august", Month.AUGUST), Map.entry("aug", Month.AUGUST),
            Map.entry("septembre", Month.SEPTEMBER), Map.entry("september", Month.SEPTEMBER), Map.entry("sep", Month.SEPTEMBER),
            Map.entry("octobre", Month.OCTOBER), Map.entry("october", Month.OCTOBER), Map.entry("oct", Month.OCTOBER),
            Map.entry("novembre", Month.NOVEMBER), Map.entry("november", Month.NOVEMBER), Map.entry("nov", Month.NOVEMBER),
            Map.entry("decembre", Month.DECEMBER), Map.entry("décembre", Month.DECEMBER), Map.entry("december", Month.DECEMBER), Map.entry("dec", Month.DECEMBER));

    /**
     * The fields of a document as read: an e-invoice's own, exact, where its XML gives them; the
     * others found in its text.
     */
    static KeyFields of(Reading reading) {
        KeyFields text = in(reading.text());
        EInvoice invoice = reading.eInvoice();
        if (invoice == null) {
            return text;
        }
        return new KeyFields(invoice.issued() != null ? invoice.issued() : text.date(),
                invoice.amountToPay() != null ? invoice.amountToPay() : text.amount(),
                invoice.seller() != null ? invoice.seller() : text.sender(),
                invoice.number() != null ? invoice.number() : text.invoiceNumber());
    }

    public static KeyFields in(String text) {
        return new KeyFields(date(text).orElse(null), amount(text).orElse(null), sender(text).orElse(null), invoiceNumber(text).orElse(null));
    }

    /** The first plausible date of the text: a letter's or an invoice's own date comes near the top. */
    static Optional<LocalDate> date(String text) {
        Optional<LocalDate> first = Optional.empty();
        int firstAt = Integer.MAX_VALUE;
        Matcher numeric = NUMERIC_DATE.matcher(text);
        if (numeric.find()) {
            // day first: the French way, and most of Europe's
            first = valid(numeric.group(3), numeric.group(2), numeric.group(1));
            firstAt = first.isPresent() ? numeric.start() : firstAt;
        }
        Matcher iso = ISO_DATE.matcher(text);
        if (iso.find() && iso.start() < firstAt) {
            Optional<LocalDate> date = valid(iso.group(1), iso.group(2), iso.group(3));
            if (date.isPresent()) {
                first = date;
                firstAt = iso.start();
            }
        }
        Matcher worded = WORDED_DATE.matcher(text);
        while (worded.find() && worded.start() < firstAt) {
            Month month = MONTHS.get(worded.group(2).toLowerCase(Locale.ROOT));
            if (month != null) {
                Optional<LocalDate> date = valid(worded.group(3), String.valueOf(month.getValue()), worded.group(1));
                if (date.isPresent()) {
                    return date;
                }
            }
        }
        return first;
    }

    static Optional<String> amount(String text) {
        Matcher total = TOTAL.matcher(text);
        String last = null;
        // the last total of an invoice is the one to pay (after subtotals and taxes)
        while (total.find()) {
            last = total.group(1).strip();
        }
        return Optional.ofNullable(last);
    }

    /** The first line with letters: the letterhead or the shop's name, as a secretary reads it. */
    static Optional<String> sender(String text) {
        return text.lines().map(String::strip)
                .filter(line -> line.codePoints().filter(Character::isLetter).count() >= 3)
                .findFirst()
                .map(line -> line.length() > 200 ? line.substring(0, 200) : line);
    }

    /**
     * An amount as written, as a number: the last separator followed by one or two figures is the
     * decimal one ({@code 1 250,00 €}, {@code $1,234.50}, {@code RM4.00}); the others group thousands.
     */
    static Optional<BigDecimal> decimal(String amount) {
        String figures = amount.replaceAll("[^0-9.,]", "");
        Matcher decimals = DECIMALS.matcher(figures);
        boolean hasDecimals = decimals.find();
        String whole = (hasDecimals ? figures.substring(0, decimals.start()) : figures).replaceAll("[.,]", "");
        if (whole.isEmpty() && !hasDecimals) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal((whole.isEmpty() ? "0" : whole) + (hasDecimals ? "." + decimals.group(1) : "")));
    }

    static Optional<String> invoiceNumber(String text) {
        Matcher number = INVOICE_NUMBER.matcher(text);
        while (number.find()) {
            if (number.group(1).chars().anyMatch(Character::isDigit)) {
                return Optional.of(number.group(1));
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> valid(String year, String month, String day) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            return date.getYear() >= 1900 && date.getYear() <= 2100 ? Optional.of(date) : Optional.empty();
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
