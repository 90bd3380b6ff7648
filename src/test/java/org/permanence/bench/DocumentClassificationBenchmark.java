package org.permanence.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.permanence.documents.Evaluation;

/**
 * Not a test: a benchmark. Runs the documents' evaluation command over the shared corpus
 * ({@code ../shared/corpus}, or {@code -Dbench.corpus=…}) by five-fold cross-validation and prints
 * its figures (accuracy, macro-F1, F1 per category, throughput). Skipped, saying so, when the corpus
 * is not there: its files are never copied into this repository.
 */
class DocumentClassificationBenchmark {

    @Test
    void crossValidationOverTheSharedCorpus() throws Exception {
        Path labels = Path.of(System.getProperty("bench.corpus", "../shared/corpus"), "labels.csv");
        if (!Files.isRegularFile(labels)) {
            System.out.println("DocumentClassificationBenchmark skipped: no labelled corpus at " + labels.toAbsolutePath());
        }
        assumeTrue(Files.isRegularFile(labels), "no labelled corpus at " + labels.toAbsolutePath() + ": nothing to evaluate");
        Evaluation.main(new String[] {"--cross-validate", labels.toString(), "--folds", "5"});
    }
}
