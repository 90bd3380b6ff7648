package org.permanence.documents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.permanence.system.BackgroundThreads;
import org.permanence.system.WorkerNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Trains the shared base model from the labelled corpus ({@code permanence.documents.corpus}) once,
 * in the background after start-up, when no base model is stored yet and the corpus is there.
 * Reading the corpus takes minutes the first time (OCR of its scans), seconds once cached.
 */
@Component
@WorkerNode
class BaseModelTraining {

    private static final Logger log = LoggerFactory.getLogger(BaseModelTraining.class);

    private final ModelStore store;
    private final ClientModels models;
    private final DocumentReader reader;
    private final DocumentProperties properties;

    BaseModelTraining(ModelStore store, ClientModels models, DocumentReader reader, DocumentProperties properties) {
        this.store = store;
        this.models = models;
        this.reader = reader;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void trainWhenMissing() {
        if (store.latestVersion(ModelStore.BASE).isPresent()) {
            return;
        }
        Path labels = properties.corpusFolder().resolve("labels.csv");
        if (!Files.isRegularFile(labels)) {
            log.info("No document corpus at {}: no base model; each client's model learns from its secretaries' answers alone",
                    labels.toAbsolutePath());
            return;
        }
        BackgroundThreads.named("document-base-model").newThread(() -> train(labels)).start();
    }

    private void train(Path labels) {
        try {
            long start = System.nanoTime();
            List<TrainingExample> examples = ReadDocuments.examples(ReadDocuments.read(reader, LabelledFiles.read(labels).files()));
            String version = models.trainBase(examples);
            log.info("Base document model {} trained on {} corpus documents in {} s", version, examples.size(),
                    (System.nanoTime() - start) / 1_000_000_000);
        } catch (Exception e) {
            log.error("The base document model could not be trained from {}", labels.toAbsolutePath(), e);
        }
    }
}
