package org.permanence.documents;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.permanence.documents.ReadDocuments.ReadFile;

/**
 * The evaluation command: trains on one {@code labels.csv} through the code the workers use (the
 * same reader, OCR and training), classifies the files of another, and prints accuracy, macro-F1,
 * F1 per category, how many documents needed OCR and how fast it went. Its last line is for
 * scripts: {@code accuracy=A macro_f1=F docs_per_s=R ocr_docs=N}.
 *
 * <pre>
 * --train FILE --test FILE          evaluate
 * --split FILE --out DIR [--test-share 0.3] [--seed 1]   write DIR/train.csv and DIR/test.csv
 * --fields FILE                     key fields read against a file,company,date,total CSV ({@link FieldsEvaluation})
 * </pre>
 * Settings come from {@code application.yaml} ({@code permanence.documents}, {@code permanence.data-dir}),
 * overridable with {@code -Dpermanence...}; OCR text is cached under the data directory.
 */
public final class Evaluation {

    /** What an unreadable test file is counted as: wrong for its own category, not a category itself. */
    private static final String UNREAD = "(unread)";

    private Evaluation() {
    }

    public static void main(String[] args) throws IOException {
        ReadDocuments.quietLogging();
        Map<String, String> options = options(args);
        if (options.containsKey("split")) {
            Path out = Path.of(required(options, "out"));
            LabelledFiles.split(Path.of(options.get("split")), Double.parseDouble(options.getOrDefault("test-share", "0.3")),
                    Long.parseLong(options.getOrDefault("seed", "1")), out.resolve("train.csv"), out.resolve("test.csv"));
            System.out.println("wrote " + out.resolve("train.csv") + " and " + out.resolve("test.csv"));
            return;
        }
        if (options.containsKey("fields")) {
            DocumentSettings settings = DocumentSettings.fromApplicationYaml();
            try (DocumentReader reader = new DocumentReader(settings.documents(), settings.dataDir())) {
                FieldsEvaluation.run(reader, Path.of(options.get("fields")), System.out);
            }
            return;
        }
        if (options.containsKey("cross-validate")) {
            crossValidate(LabelledFiles.read(Path.of(options.get("cross-validate"))), Integer.parseInt(options.getOrDefault("folds", "5")));
            return;
        }
        LabelledFiles train = LabelledFiles.read(Path.of(required(options, "train")));
        LabelledFiles test = LabelledFiles.read(Path.of(required(options, "test")));
        DocumentSettings settings = DocumentSettings.fromApplicationYaml();
        System.out.println("OCR text is cached by content hash under " + settings.dataDir().resolve("ocr-cache").toAbsolutePath()
                + ": a second run skips the OCR already done");
        try (DocumentReader reader = new DocumentReader(settings.documents(), settings.dataDir())) {
            long trainingStart = System.nanoTime();
            List<ReadFile> trainRead = ReadDocuments.read(reader, train.files());
            CategoryModel model = CategoryTraining.train(ReadDocuments.examples(trainRead), "evaluation");
            System.out.printf(Locale.ROOT, "trained on %d of %d files (%d unreadable) in %.1f s, %d categories%n",
                    trainRead.stream().filter(r -> r.reading().isRead()).count(), trainRead.size(),
                    trainRead.stream().filter(r -> !r.reading().isRead()).count(), seconds(System.nanoTime() - trainingStart),
                    model.categories().size());

            long testStart = System.nanoTime();
            List<ReadFile> testRead = ReadDocuments.read(reader, test.files());
            List<Suggestion> predicted = new ArrayList<>();
            long[] classifyCpu = new long[testRead.size()];
            long[] classifyClock = new long[testRead.size()];
            for (int i = 0; i < testRead.size(); i++) {
                long cpuStart = ReadDocuments.cpuNanos();
                long clockStart = System.nanoTime();
                predicted.add(classify(model, testRead.get(i)));
                classifyClock[i] = System.nanoTime() - clockStart;
                classifyCpu[i] = ReadDocuments.cpuNanos() - cpuStart;
            }
            double wall = seconds(System.nanoTime() - testStart);
            report(testRead, predicted, classifyCpu, classifyClock, wall);
        }
    }

    /**
     * Every file tested once by a model that did not see it: k stratified folds, predictions pooled.
     * A steadier figure than one small split, for comparing ways of classifying.
     */
    private static void crossValidate(LabelledFiles files, int folds) {
        DocumentSettings settings = DocumentSettings.fromApplicationYaml();
        try (DocumentReader reader = new DocumentReader(settings.documents(), settings.dataDir())) {
            long start = System.nanoTime();
            List<ReadFile> read = ReadDocuments.read(reader, files.files());
            double wall = seconds(System.nanoTime() - start);
            int[] fold = LabelledFiles.folds(files.files(), folds, 1);
            Suggestion[] predicted = new Suggestion[read.size()];
            long[] classifyCpu = new long[read.size()];
            long[] classifyClock = new long[read.size()];
            for (int k = 0; k < folds; k++) {
                List<ReadFile> training = new ArrayList<>();
                for (int i = 0; i < read.size(); i++) {
                    if (fold[i] != k) {
                        training.add(read.get(i));
                    }
                }
                CategoryModel model = CategoryTraining.train(ReadDocuments.examples(training), "fold-" + k);
                for (int i = 0; i < read.size(); i++) {
                    if (fold[i] == k) {
                        long cpuStart = ReadDocuments.cpuNanos();
                        long clockStart = System.nanoTime();
                        predicted[i] = classify(model, read.get(i));
                        classifyClock[i] = System.nanoTime() - clockStart;
                        classifyCpu[i] = ReadDocuments.cpuNanos() - cpuStart;
                    }
                }
            }
            report(read, List.of(predicted), classifyCpu, classifyClock, wall);
        }
    }

    private static Suggestion classify(CategoryModel model, ReadFile read) {
        return read.reading().isRead() ? model.suggest(read.reading().text()) : new Suggestion(UNREAD, 0, List.of(), model.version(), false, Map.of());
    }

    private static void report(List<ReadFile> read, List<Suggestion> suggestions, long[] classifyCpu, long[] classifyClock, double wall) {
        List<String> predicted = suggestions.stream().map(Suggestion::category).toList();
        List<String> truth = read.stream().map(r -> r.file().label()).toList();
        TreeSet<String> categories = new TreeSet<>(truth);
        predicted.stream().filter(p -> !UNREAD.equals(p)).forEach(categories::add);
        int correct = 0;
        Map<String, int[]> counts = new HashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            boolean right = truth.get(i).equals(predicted.get(i));
            correct += right ? 1 : 0;
            counts.computeIfAbsent(truth.get(i), c -> new int[3])[right ? 0 : 2]++;
            if (!right && !UNREAD.equals(predicted.get(i))) {
                counts.computeIfAbsent(predicted.get(i), c -> new int[3])[1]++;
            }
            if (!right) {
                System.out.println("  wrong: " + read.get(i).file().path().getFileName() + " is " + truth.get(i) + ", read as " + predicted.get(i)
                        + (read.get(i).reading().isRead() ? "" : " (" + read.get(i).reading().reason() + ")"));
            }
        }
        System.out.println("category            F1     precision recall  support");
        double f1Sum = 0;
        for (String category : categories) {
            int[] c = counts.getOrDefault(category, new int[3]);
            double precision = c[0] + c[1] == 0 ? 0 : c[0] / (double) (c[0] + c[1]);
            double recall = c[0] + c[2] == 0 ? 0 : c[0] / (double) (c[0] + c[2]);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            f1Sum += f1;
            System.out.printf(Locale.ROOT, "%-18s  %.3f  %.3f     %.3f   %d%n", category, f1, precision, recall, c[0] + c[2]);
        }
        List<Reliability.Prediction> confidences = new ArrayList<>();
        int unfamiliar = 0;
        int unfamiliarWrong = 0;
        for (int i = 0; i < truth.size(); i++) {
            boolean right = truth.get(i).equals(predicted.get(i));
            confidences.add(new Reliability.Prediction(suggestions.get(i).confidence(), right));
            if (!suggestions.get(i).familiar()) {
                unfamiliar++;
                unfamiliarWrong += right ? 0 : 1;
            }
        }
        Reliability.print(confidences);
        System.out.printf(Locale.ROOT, "unlike their category's training documents (a secretary is asked): %d files, %d of them wrong%n",
                unfamiliar, unfamiliarWrong);
        double accuracy = correct / (double) truth.size();
        double macroF1 = f1Sum / categories.size();
        throughput(read, classifyCpu, classifyClock, wall);
        long ocrDocs = read.stream().filter(r -> r.reading().usedOcr()).count();
        System.out.printf(Locale.ROOT, "%d test files, %d right; %d needed OCR%n", truth.size(), correct, ocrDocs);
        System.out.printf(Locale.ROOT, "accuracy=%.4f macro_f1=%.4f docs_per_s=%.2f ocr_docs=%d%n",
                accuracy, macroF1, truth.size() / wall, ocrDocs);
    }

    /**
     * Text PDFs (read without OCR) and OCR pages apart, as they cost orders of magnitude apart. For text
     * PDFs the CPU time of reading and classifying says what the cores can do; the clock's time says
     * what this run got, which on a machine other work shares is less.
     */
    private static void throughput(List<ReadFile> read, long[] classifyCpu, long[] classifyClock, double wall) {
        int cores = Runtime.getRuntime().availableProcessors();
        List<Integer> textPdfs = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            Reading reading = read.get(i).reading();
            if ("application/pdf".equals(reading.mediaType()) && reading.isRead() && !reading.usedOcr()) {
                textPdfs.add(i);
            }
        }
        double textCpu = textPdfs.stream().mapToLong(i -> read.get(i).cpuNanos() + classifyCpu[i]).sum() / 1e9;
        double textClock = textPdfs.stream().mapToLong(i -> read.get(i).nanos() + classifyClock[i]).sum() / 1e9;
        int text = textPdfs.size();
        System.out.printf(Locale.ROOT, "text PDFs: %d read and classified in %.2f s of CPU, %.0f ms each: %.1f docs/s on %d cores"
                        + " (by the clock, sharing the machine: %.2f s, %.1f docs/s)%n",
                text, textCpu, text == 0 ? 0 : 1000 * textCpu / text, textCpu == 0 ? 0 : text * cores / textCpu, cores, textClock,
                textClock == 0 ? 0 : text * cores / textClock);
        List<ReadFile> freshOcr = read.stream().filter(r -> r.reading().usedOcr() && !r.reading().ocrCached()).toList();
        int pages = freshOcr.stream().mapToInt(r -> r.reading().ocrPages()).sum();
        double ocrSeconds = freshOcr.stream().mapToLong(ReadFile::nanos).sum() / 1e9;
        long cached = read.stream().filter(r -> r.reading().ocrCached()).count();
        if (pages > 0) {
            System.out.printf(Locale.ROOT, "OCR: %d pages read in %.1f s of work, %.2f s/page, %.2f pages/s on %d cores; %d documents from the OCR cache%n",
                    pages, ocrSeconds, ocrSeconds / pages, pages * cores / ocrSeconds, cores, cached);
        } else {
            System.out.printf(Locale.ROOT, "OCR: no page read this run; %d documents' OCR text came from the cache (delete it to time OCR)%n", cached);
        }
        System.out.printf(Locale.ROOT, "end to end (read + classify, all test files): %.1f s wall, %.2f docs/s%n", wall, read.size() / wall);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: --train FILE --test FILE | --cross-validate FILE [--folds 5] | --split FILE --out DIR [--test-share 0.3] [--seed 1]"
                        + " | --fields FILE; read " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required: --train FILE --test FILE, or --split FILE --out DIR");
        }
        return value;
    }
}
