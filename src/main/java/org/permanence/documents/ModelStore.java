package org.permanence.documents;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.permanence.storage.ObjectStorage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Versioned models in object storage, listed in {@code document_model}: the base model (owner
 * {@value #BASE}) and one per client. Every node loads the same bytes; the highest version is the
 * current one. The base model's training examples are kept beside it, so a client's model is
 * trained on top of them.
 */
@Component
public class ModelStore {

    public static final String BASE = "base";
    /** Hashed feature counts, since format 2 of the models (before: texts, at {@code models/base/examples.bin}). */
    private static final String BASE_EXAMPLES = "models/base/examples-v2.bin";

    private final JdbcClient jdbc;
    private final ObjectStorage objects;

    ModelStore(JdbcClient jdbc, ObjectStorage objects) {
        this.jdbc = jdbc;
        this.objects = objects;
    }

    public int nextVersion(String owner) {
        return latestVersion(owner).orElse(0) + 1;
    }

    public Optional<Integer> latestVersion(String owner) {
        int latest = jdbc.sql("select coalesce(max(version), 0) from document_model where owner = ?").param(owner)
                .query(Integer.class).single();
        return latest == 0 ? Optional.empty() : Optional.of(latest);
    }

    /** How many examples the owner's current version learnt from. */
    public Optional<Integer> examples(String owner) {
        return jdbc.sql("select examples from document_model where owner = ? order by version desc limit 1").param(owner)
                .query(Integer.class).optional();
    }

    /** Stores the model as {@code version}; false when another node stored that version first. */
    public boolean save(String owner, int version, CategoryModel model, int examples) {
        String key = "models/" + owner + "/v" + version + ".model";
        objects.put(key, model.toBytes(), "application/octet-stream");
        try {
            jdbc.sql("insert into document_model (owner, version, object_key, examples, created_at) values (?, ?, ?, ?, ?)")
                    .params(owner, version, key, examples, Timestamp.from(Instant.now())).update();
            return true;
        } catch (DuplicateKeyException otherNodeFirst) {
            return false;
        }
    }

    /** Deletes the owner's versions older than {@code version}, objects and rows; answers how many. */
    public int removeBefore(String owner, int version) {
        List<String> keys = jdbc.sql("select object_key from document_model where owner = ? and version < ?").params(owner, version)
                .query(String.class).list();
        keys.forEach(objects::delete);
        jdbc.sql("delete from document_model where owner = ? and version < ?").params(owner, version).update();
        return keys.size();
    }

    public Optional<CategoryModel> load(String owner, int version) {
        return jdbc.sql("select object_key from document_model where owner = ? and version = ?").params(owner, version)
                .query(String.class).optional().flatMap(objects::get).map(CategoryModel::fromBytes);
    }

    public void saveBaseExamples(List<TrainingExample> examples) {
        objects.put(BASE_EXAMPLES, BaseModel.examplesToBytes(examples), "application/octet-stream");
    }

    public Optional<List<TrainingExample>> baseExamples() {
        return objects.get(BASE_EXAMPLES).map(BaseModel::examplesFromBytes);
    }
}
