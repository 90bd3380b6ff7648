package org.permanence.documents;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
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
    /** A till's date, {@code 23/12/17}: only when no date with its century is found. */
    private static final Pattern SHORT_DATE = Pattern.compile("\\b(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{2})(?![\\d/.-])");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern WORDED_DATE = Pattern.compile("\\b(\\d{1,2})(?:er)?\\s+([\\p{L}]{3,9})\\.?\\s+(\\d{4}|\\d{2})\\b");
    /**
     * A total's label and, on the same line, the first amount after it (a scan's OCR may put a space
     * around the decimal separator: {@code 6. 00}, {@code 4 ,80}).
     */
    private static final Pattern TOTAL = Pattern.compile(
            "(?i)(?:net\\s+à\\s+payer|total|montant|amount\\s+due|balance\\s+due|cash|payment|paiement|espèces)"
                    + "[^\\d\\n]{0,30}?([€$£]?\\s?\\d{1,3}(?:[ .,\\u00a0]?\\d{3})*\\s?[.,]\\s?\\d{2}(?!\\d)\\s?(?:€|EUR|USD|\\$|£)?)");
    /** Totals that are not what is paid: before tax or discount, the tax alone, a count of items. */
    private static final Pattern NOT_PAID = Pattern.compile("(?i)sub\\s*-?\\s*total|sous\\s*-?\\s*total|total\\s*(?:q|oty|ary|items?|ht\\b|hors)"
            + "|excl|\\bex\\.|before|avant|total\\s*(?:gst|tax|tva)|discount|remise|saving|points|change|rendu");
    /** Totals that are the amount to pay: tax included, rounded, due. */
    private static final Pattern PAID = Pattern.compile("(?i)incl|ttc|grand|net|due|payer|rounded");
    /** What was handed over: the amount paid when no total is legible, as it may include change. */
    private static final Pattern TENDERED = Pattern.compile("(?i)^(?:cash|payment|paiement|espèces)");
    /** A legal form ending a name: the line with it is the sender's name rather than a shop sign or a scribble above. */
    private static final Pattern LEGAL_FORM = Pattern.compile(
            "(?i)\\b(?:s[do0]n\\.?\\s*bhd|bhd|s/b|sarl|sas|sasu|eurl|sa|sci|scp|selarl|gmbh|ltd|limited|inc|llc|plc|corp|co)\\.?$");
    /** A parenthesised registration number after a name, {@code (81109-A)}: not part of the name. */
    private static final Pattern REGISTRATION = Pattern.compile("\\s*\\([^)]*\\d[^)]*\\)?\\s*$");
    /** How many of the first lines may hold the sender's name with its legal form. */
    private static final int HEADER_LINES = 6;
    private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");
    /** Malaysia's legal form as OCR often misreads it (D for O): put right, as a secretary would. */
    private static final Pattern MISREAD_SDN = Pattern.compile("(?i)\\bs[o0]n(\\.?\\s*bhd)\\b");
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
                Optional<LocalDate> date = valid(century(worded.group(3)), String.valueOf(month.getValue()), worded.group(1));
                if (date.isPresent()) {
                    return date;
                }
            }
        }
        if (first.isPresent()) {
            return first;
        }
        Matcher tillDate = SHORT_DATE.matcher(text);
        while (tillDate.find()) {
            Optional<LocalDate> date = valid(century(tillDate.group(3)), tillDate.group(2), tillDate.group(1));
            if (date.isPresent()) {
                return date;
            }
        }
        return Optional.empty();
    }

    /** A two-figure year is of this century: a document's date is not from the 1900s' last years often enough to guess them. */
    private static String century(String year) {
        return year.length() == 2 ? "20" + year : year;
    }

    /**
     * The amount to pay: of the lines with a total, one that says tax included, rounded or due before
     * a plain total, and a plain total before the cash handed over; the last of the best (after
     * subtotals and taxes). Subtotals, totals before tax and the tax alone are never it.
     */
    static Optional<String> amount(String text) {
        String best = null;
        int bestRank = 0;
        for (String line : text.lines().toList()) {
            Matcher total = TOTAL.matcher(line);
            while (total.find()) {
                String labelled = line.substring(Math.max(0, total.start() - 12), total.start(1));
                int rank = NOT_PAID.matcher(labelled).find() ? 0
                        : TENDERED.matcher(total.group()).find() ? 1
                        : PAID.matcher(labelled).find() ? 3 : 2;
                if (rank > 0 && rank >= bestRank) {
                    best = total.group(1).strip();
                    bestRank = rank;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The letterhead or the shop's name, as a secretary reads it: among the first lines that read as
     * words (not a scribble or a number the scan caught above), the one ending with a legal form
     * ({@code SARL}, {@code Sdn Bhd}, {@code Ltd}…) if any, else the first; without its registration number.
     */
    static Optional<String> sender(String text) {
        List<String> named = text.lines().map(KeyFields::trimmed).filter(KeyFields::readsAsWords).limit(HEADER_LINES).toList();
        return named.stream().filter(line -> LEGAL_FORM.matcher(withoutRegistration(line)).find()).findFirst()
                .or(() -> named.stream().findFirst())
                .map(KeyFields::withoutRegistration)
                .map(line -> MISREAD_SDN.matcher(line).replaceFirst("SDN$1"))
                .map(line -> line.length() > 200 ? line.substring(0, 200) : line);
    }

    private static String trimmed(String line) {
        return line.strip().replaceAll("^[^\\p{L}\\p{N}]+", "");
    }

    /** Mostly letters, and one word of four letters or more: {@code SYARIKAT PERNIAGAAN} but not {@code 3 18 OI OIF}. */
    private static boolean readsAsWords(String line) {
        String name = withoutRegistration(line);
        long letters = name.codePoints().filter(Character::isLetter).count();
        long visible = name.codePoints().filter(c -> !Character.isWhitespace(c)).count();
        return letters >= 3 && letters >= 0.6 * visible && WORD.matcher(name).find();
    }

    private static String withoutRegistration(String line) {
        String name = REGISTRATION.matcher(line).replaceFirst("");
        return name.isBlank() ? line : name;
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
