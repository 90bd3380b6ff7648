package org.permanence.documents;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.permanence.system.BackgroundThreads;
import org.permanence.storage.ObjectStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * One model per client, started from the shared base model's examples and leaning towards the
 * client's own (a secretary's answer weighs {@code clientExampleWeight} corpus documents). A client
 * without a model of its own is served by the base model shipped in the product ({@link BaseModel}). Training runs on a thread of its own, never on a task's.
 */
@Service
public class ClientModels implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ClientModels.class);

    private final ModelStore store;
    private final DocumentRecords records;
    private final ObjectStorage objects;
    private final DocumentProperties properties;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();
    private final ExecutorService training = Executors.newSingleThreadExecutor(BackgroundThreads.named("document-model-training"));

    ClientModels(ModelStore store, DocumentRecords records, ObjectStorage objects, DocumentProperties properties) {
        this.store = store;
        this.records = records;
        this.objects = objects;
        this.properties = properties;
    }

    public Suggestion suggest(String clientId, String text) {
        return current(clientId).or(() -> current(ModelStore.BASE))
                .map(model -> model.suggest(text))
                .orElse(Suggestion.none("none"));
    }

    /** Retrains the client's model in the background; the task that asked goes on at once. */
    public CompletableFuture<String> retrainLater(String clientId) {
        return CompletableFuture.supplyAsync(() -> retrain(clientId), training).whenComplete((version, error) -> {
            if (error != null) {
                log.error("Retraining the document model of client {} failed; its previous model stays in use", clientId, error);
            }
        });
    }

    /** Trains and stores the client's next model version; answers that version. */
    public String retrain(String clientId) {
        List<TrainingExample> examples = new ArrayList<>(store.baseExamples().orElse(List.of()));
        int own = 0;
        for (StoredDocument document : records.classifiedBySecretaries(clientId)) {
            Optional<byte[]> text = objects.get(DocumentObjects.text(clientId, document.id()));
            if (text.isPresent()) {
                examples.add(new TrainingExample(new String(text.get(), StandardCharsets.UTF_8), document.category(),
                        properties.clientExampleWeight()));
                own++;
            }
        }
        int version = store.nextVersion(clientId);
        CategoryModel model = CategoryTraining.train(examples, clientId + "-v" + version);
        store.save(clientId, version, model, examples.size());
        log.info("Document model {} of client {} trained on {} examples, {} of them its secretaries' answers", model.version(),
                clientId, examples.size(), own);
        return model.version();
    }

    /**
     * After documents of the client were removed (the purge, an erasure): its model learnt their words, so it is
     * trained again from the documents the client still has, and every older version is deleted, object and row.
     * Waits for it, after the retrainings this node had queued. A client without a model of its own has nothing
     * to forget; the base model never learnt a client's documents.
     */
    public void relearnWithoutRemoved(String clientId) {
        if (store.latestVersion(clientId).isEmpty()) {
            return;
        }
        CompletableFuture.runAsync(() -> {
            retrain(clientId);
            int current = store.latestVersion(clientId).orElseThrow();
            int removed = store.removeBefore(clientId, current);
            log.info("Document model of client {}: retrained without its removed documents, {} older versions deleted", clientId, removed);
        }, training).join();
    }

    /**
     * Whether the client's current model learnt from more of its own documents than it still has filed: one was
     * removed after it was trained, and the retraining that should have followed failed (or another node's
     * retraining stored its version just after). A new base model with fewer examples only costs one retraining.
     */
    public boolean outlivesRemovedDocuments(String clientId) {
        return store.examples(clientId)
                .map(learnt -> learnt - store.examples(ModelStore.BASE).orElse(0) > records.countClassifiedBySecretaries(clientId))
                .orElse(false);
    }

    /**
     * Makes the base model of this version the shared model every client starts from, with the examples it
     * learnt from, unless it is the current one already; answers the model when this node installed it. The
     * model is read only then: on every start but an installation's first, or an upgrade's, comparing versions
     * is enough.
     */
    public Optional<BaseModel> installBase(String version, Supplier<BaseModel> model) {
        if (current(ModelStore.BASE).map(current -> current.version().equals(version)).orElse(false)) {
            return Optional.empty();
        }
        BaseModel base = model.get();
        store.saveBaseExamples(base.examples());
        return store.save(ModelStore.BASE, store.nextVersion(ModelStore.BASE), base.model(), base.examples().size())
                ? Optional.of(base) : Optional.empty();
    }

    /** The categories the client's model (or the base model) can suggest. */
    public List<String> categories(String clientId) {
        return current(clientId).or(() -> current(ModelStore.BASE)).map(CategoryModel::categories).orElse(List.of());
    }

    private Optional<CategoryModel> current(String owner) {
        return store.latestVersion(owner).flatMap(number -> {
            Loaded cached = loaded.get(owner);
            if (cached != null && cached.number() == number) {
                return Optional.of(cached.model());
            }
            try {
                Optional<CategoryModel> model = store.load(owner, number);
                model.ifPresent(m -> loaded.put(owner, new Loaded(number, m)));
                return model;
            } catch (IllegalArgumentException olderFormat) {
                // stored by an earlier version of the product: the base model serves until the client's is retrained
                log.warn("Document model {} of {} cannot be read ({}); retraining it", number, owner, olderFormat.getMessage());
                if (!ModelStore.BASE.equals(owner)) {
                    retrainLater(owner);
                }
                return Optional.empty();
            }
        });
    }

    /** A model as loaded, with its number in the store: the cache is good while that number is the latest. */
    private record Loaded(int number, CategoryModel model) {
    }

    @Override
    public void destroy() {
        training.shutdownNow();
    }
}
