package org.permanence.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.permanence.documents.LabelledFiles.LabelledFile;
import org.permanence.documents.ReadDocuments.ReadFile;

/**
 * The command that rebuilds the shipped base model ({@link BaseModel}) from the shared corpus:
 * {@code ./mvnw -Pbase-model compile exec:java} (arguments: the corpus' {@code labels.csv}, default
 * {@code ../shared/corpus/labels.csv}; the folder to write to, default {@code src/main/resources/documents}).
 * Only files under a licence of {@link #ACCEPTED} are read; the others are listed and left out. The
 * version names the day and the examples' digest, so the same files give the same version.
 */
public final class BaseModelBuild {

    /**
     * Licences that let a derived model ship in an Apache-licensed product without conditions on it:
     * MIT, Apache-2.0, BSD-2-Clause, and US federal documents (public domain) in an MIT repository.
     * Left out: copyleft (GPL, AGPL), LPPL (conditions on modified works), papers whose copyright stays
     * with their authors or publishers, and public documents of other countries or third parties.
     */
    static final Set<String> ACCEPTED = Set.of("MIT", "Apache-2.0", "BSD-2-Clause", "MIT(repo); US public-sector doc");

    private BaseModelBuild() {
    }

    public static void main(String[] args) throws IOException {
        ReadDocuments.quietLogging();
        Path labels = Path.of(args.length > 0 ? args[0] : "../shared/corpus/labels.csv");
        Path out = Path.of(args.length > 1 ? args[1] : "src/main/resources/documents");
        List<LabelledFile> files = accepted(labels);
        DocumentSettings settings = DocumentSettings.fromApplicationYaml();
        try (DocumentReader reader = new DocumentReader(settings.documents(), settings.dataDir())) {
            List<ReadFile> read = ReadDocuments.read(reader, files);
            read.stream().filter(r -> !r.reading().isRead())
                    .forEach(r -> System.out.println("  unread, left out: " + r.file().path().getFileName() + " (" + r.reading().reason() + ")"));
            List<TrainingExample> examples = ReadDocuments.examples(read);
            byte[] examplesBytes = BaseModel.examplesToBytes(examples);
            String version = "base-" + LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + digest(examplesBytes);
            CategoryModel model = CategoryTraining.train(examples, version);
            byte[] modelBytes = model.toBytes();
            Files.createDirectories(out);
            Files.write(out.resolve(Path.of(BaseModel.MODEL_RESOURCE).getFileName()), modelBytes);
            Files.write(out.resolve(Path.of(BaseModel.EXAMPLES_RESOURCE).getFileName()), examplesBytes);
            System.out.printf(Locale.ROOT, "base model %s: %d documents, temperature %.2f, %d + %d bytes, written to %s%n", version,
                    examples.size(), model.temperature(), modelBytes.length, examplesBytes.length, out.toAbsolutePath());
            model.examples().forEach((category, n) -> System.out.printf(Locale.ROOT, "  %-16s %d documents%n", category, n));
        }
    }

    /** The files of {@code labels.csv} whose {@code licence} column is accepted; says how many of each other licence were left out. */
    static List<LabelledFile> accepted(Path labels) throws IOException {
        List<String> lines = Files.readAllLines(labels, StandardCharsets.UTF_8);
        int licence = List.of(lines.get(0).split(",", -1)).indexOf("licence");
        if (licence < 0) {
            throw new IllegalArgumentException(labels + " has no licence column: nothing says which files may be learnt from");
        }
        List<LabelledFile> all = LabelledFiles.read(labels).files();
        List<LabelledFile> accepted = new ArrayList<>();
        Map<String, Integer> refused = new TreeMap<>();
        int row = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String named = line.split(",", -1)[licence].strip();
            if (ACCEPTED.contains(named)) {
                accepted.add(all.get(row));
            } else {
                refused.merge(named, 1, Integer::sum);
            }
            row++;
        }
        refused.forEach((name, n) -> System.out.println("left out (licence " + name + "): " + n + " files"));
        return accepted;
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
