package org.permanence.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A {@code labels.csv} as the shared corpus writes it: a header, then {@code file,label,...} with
 * paths relative to the CSV. Read for training and evaluation; {@link #split} writes a seeded,
 * stratified train/test pair of the same format.
 */
public record LabelledFiles(List<LabelledFile> files) {

    public record LabelledFile(Path path, String label) {
    }

    public static LabelledFiles read(Path csv) throws IOException {
        Path folder = csv.toAbsolutePath().getParent();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith("file,label")) {
            throw new IllegalArgumentException(csv + " does not start with the header file,label,...");
        }
        List<LabelledFile> files = new ArrayList<>();
        for (int row = 1; row < lines.size(); row++) {
            String line = lines.get(row).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length < 2 || fields[0].isBlank() || fields[1].isBlank()) {
                throw new IllegalArgumentException(csv + " line " + (row + 1) + ": expected file,label,... but read " + line);
            }
            files.add(new LabelledFile(folder.resolve(fields[0].strip()).normalize(), fields[1].strip()));
        }
        return new LabelledFiles(List.copyOf(files));
    }

    /**
     * Splits per label with a fixed seed, so every class is in both halves when it has two files or
     * more (a class with a single file stays in training: it cannot be tested without being unseen).
     */
    public static void split(Path csv, double testShare, long seed, Path trainCsv, Path testCsv) throws IOException {
        Map<String, List<LabelledFile>> byLabel = new TreeMap<>();
        for (LabelledFile file : read(csv).files()) {
            byLabel.computeIfAbsent(file.label(), l -> new ArrayList<>()).add(file);
        }
        List<LabelledFile> train = new ArrayList<>();
        List<LabelledFile> test = new ArrayList<>();
        Random random = new Random(seed);
        for (List<LabelledFile> files : byLabel.values()) {
            files.sort(Comparator.comparing(f -> f.path().toString()));
            java.util.Collections.shuffle(files, random);
            int tested = files.size() < 2 ? 0 : Math.max(1, (int) Math.round(files.size() * testShare));
            test.addAll(files.subList(0, tested));
            train.addAll(files.subList(tested, files.size()));
        }
        write(train, trainCsv);
        write(test, testCsv);
    }

    /** A fold number per file, dealt round per label after a seeded shuffle, so each fold has every label it can. */
    static int[] folds(List<LabelledFile> files, int folds, long seed) {
        Map<String, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < files.size(); i++) {
            byLabel.computeIfAbsent(files.get(i).label(), l -> new ArrayList<>()).add(i);
        }
        int[] fold = new int[files.size()];
        Random random = new Random(seed);
        int next = 0;
        for (List<Integer> indexes : byLabel.values()) {
            java.util.Collections.shuffle(indexes, random);
            for (int i : indexes) {
                fold[i] = next++ % folds;
            }
        }
        return fold;
    }

    private static void write(List<LabelledFile> files, Path csv) throws IOException {
        Path folder = csv.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        List<String> lines = new ArrayList<>(List.of("file,label"));
        files.forEach(f -> lines.add(folder.relativize(f.path().toAbsolutePath()) + "," + f.label()));
        Files.write(csv, lines, StandardCharsets.UTF_8);
    }
}
