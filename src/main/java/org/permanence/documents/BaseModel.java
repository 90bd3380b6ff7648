package org.permanence.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The base model shipped in the product ({@code documents/base-model.bin}) and the examples it was
 * trained on ({@code documents/base-examples.bin}, hashed feature counts: no document's text), which
 * each client's model is trained on together with its secretaries' answers. Rebuilt by
 * {@link BaseModelBuild} from the permissively licensed files of the shared corpus.
 */
record BaseModel(CategoryModel model, List<TrainingExample> examples) {

    static final String MODEL_RESOURCE = "documents/base-model.bin";
    static final String EXAMPLES_RESOURCE = "documents/base-examples.bin";

    /** The shipped base model, read from the classpath. */
    static BaseModel shipped() {
        return new BaseModel(CategoryModel.fromBytes(resource(MODEL_RESOURCE)), examplesFromBytes(resource(EXAMPLES_RESOURCE)));
    }

    /** The shipped base model's version, without reading its weights and examples. */
    static String shippedVersion() {
        return CategoryModel.versionOf(resource(MODEL_RESOURCE));
    }

    private static byte[] resource(String name) {
        try (InputStream in = BaseModel.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath: rebuild it with the base-model command (docs/managers.md)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] examplesToBytes(List<TrainingExample> examples) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(examples.size());
            for (TrainingExample example : examples) {
                out.writeUTF(example.category());
                out.writeDouble(example.weight());
                out.writeInt(example.features().size());
                for (int feature : example.features().keySet().stream().mapToInt(Integer::intValue).sorted().toArray()) {
                    out.writeInt(feature);
                    out.writeFloat(example.features().get(feature).floatValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<TrainingExample> examplesFromBytes(byte[] stored) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(stored)))) {
            int size = in.readInt();
            List<TrainingExample> examples = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                String category = in.readUTF();
                double weight = in.readDouble();
                int features = in.readInt();
                Map<Integer, Double> counts = new HashMap<>(features * 2);
                for (int f = 0; f < features; f++) {
                    counts.put(in.readInt(), (double) in.readFloat());
                }
                examples.add(new TrainingExample(counts, category, weight));
            }
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
