package org.permanence.documents;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.permanence.documents.LabelledFiles.LabelledFile;
import org.permanence.documents.ReadDocuments.ReadFile;

/**
 * The evaluation command's fields mode: how exactly the key fields are read. Given a CSV
 * {@code file,company,date,total} (paths relative to it), each file is read by the product's own
 * reader (text layer or Tesseract) and its fields found by {@link KeyFields#of}, as the extract
 * step does; then compared with the labels: the date as a date, the total as an amount, the
 * company by normalised text. Last line, for scripts:
 * {@code fields=N date_exact=D total_exact=T company_match=C}.
 */
final class FieldsEvaluation {

    /** How labels write dates: day first, with or without the century, in figures or with the month's abbreviation. */
    private static final List<DateTimeFormatter> LABEL_DATES = List.of("d/M/uuuu", "d/M/uu", "d-M-uuuu", "d-M-uu", "d.M.uuuu",
            "ddMMuuuu", "d MMM uuuu", "d MMM uu", "uuuu-M-d").stream()
            .map(pattern -> new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH))
            .toList();

    /** A labelled row: the file and what a person read on it. */
    record Expected(LabelledFile file, String company, String date, String total) {
    }

    private FieldsEvaluation() {
    }

    /** Reads every file of {@code csv} and prints the misses, the rates, and the last line; returns the rates. */
    static Rates run(DocumentReader reader, Path csv, PrintStream out) throws IOException {
        List<Expected> expected = read(csv);
        List<ReadFile> read = ReadDocuments.read(reader, expected.stream().map(Expected::file).toList());
        int dates = 0;
        int totals = 0;
        int companies = 0;
        for (int i = 0; i < expected.size(); i++) {
            Expected truth = expected.get(i);
            Reading reading = read.get(i).reading();
            KeyFields found = reading.isRead() ? KeyFields.of(reading) : new KeyFields(null, null, null, null);
            boolean date = Objects.equals(labelDate(truth.date()).orElse(null), found.date());
            boolean total = sameAmount(truth.total(), found.amount());
            boolean company = sameCompany(truth.company(), found.sender());
            dates += date ? 1 : 0;
            totals += total ? 1 : 0;
            companies += company ? 1 : 0;
            if (!date || !total || !company) {
                out.println("  " + truth.file().path().getFileName() + (reading.isRead() ? "" : " unread (" + reading.reason() + ")")
                        + (date ? "" : " | date " + truth.date() + " read " + found.date())
                        + (total ? "" : " | total " + truth.total() + " read " + found.amount())
                        + (company ? "" : " | company " + truth.company() + " read " + found.sender()));
            }
        }
        int n = expected.size();
        Rates rates = new Rates(n, rate(dates, n), rate(totals, n), rate(companies, n));
        out.printf(Locale.ROOT, "%d files: %d dates, %d totals, %d companies right%n", n, dates, totals, companies);
        out.printf(Locale.ROOT, "fields=%d date_exact=%.4f total_exact=%.4f company_match=%.4f%n", n, rates.date(), rates.total(),
                rates.company());
        return rates;
    }

    record Rates(int files, double date, double total, double company) {
    }

    static List<Expected> read(Path csv) throws IOException {
        Path folder = csv.toAbsolutePath().getParent();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).strip().startsWith("file,company,date,total")) {
            throw new IllegalArgumentException(csv + " does not start with the header file,company,date,total");
        }
        List<Expected> rows = new ArrayList<>();
        for (int row = 1; row < lines.size(); row++) {
            if (lines.get(row).isBlank()) {
                continue;
            }
            List<String> fields = cells(lines.get(row));
            if (fields.size() < 4 || fields.get(0).isBlank()) {
                throw new IllegalArgumentException(csv + " line " + (row + 1) + ": expected file,company,date,total but read " + lines.get(row));
            }
            rows.add(new Expected(new LabelledFile(folder.resolve(fields.get(0).strip()).normalize(), "fields"), fields.get(1).strip(),
                    fields.get(2).strip(), fields.get(3).strip()));
        }
        return rows;
    }

    /** One CSV line's cells, a quoted cell holding commas and doubled quotes. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    static Optional<LocalDate> labelDate(String label) {
        String date = label.strip().replaceAll("\\s+", " ");
        for (DateTimeFormatter format : LABEL_DATES) {
            try {
                return Optional.of(LocalDate.parse(date, format));
            } catch (DateTimeParseException e) {
                // the next way of writing it
            }
        }
        return Optional.empty();
    }

    static boolean sameAmount(String label, String read) {
        Optional<BigDecimal> expected = KeyFields.decimal(label);
        Optional<BigDecimal> found = read == null ? Optional.empty() : KeyFields.decimal(read);
        return expected.isPresent() && found.isPresent() && expected.get().compareTo(found.get()) == 0;
    }

    /** Same company when the names agree once case, accents, punctuation and spacing are set aside. */
    static boolean sameCompany(String label, String read) {
        return read != null && !normalised(label).isEmpty() && normalised(label).equals(normalised(read));
    }

    static String normalised(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static double rate(int right, int of) {
        return of == 0 ? 0 : right / (double) of;
    }
}
