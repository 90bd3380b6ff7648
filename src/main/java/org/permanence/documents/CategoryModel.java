package org.permanence.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained linear classifier: for every feature seen in training, its rarity (inverse document
 * frequency) and one weight per category. Immutable; a new version replaces it whole. Its bytes are
 * what object storage keeps, so every node classifies with exactly the same model.
 */
public final class CategoryModel {

    private static final int FORMAT = 1;
    /** Spreads the margins of the linear scores into confidences a threshold can separate. */
    private static final double SHARPNESS = 4.0;

    private final String version;
    private final List<String> categories;
    private final Map<Integer, Float> rarity;
    private final Map<Integer, float[]> weights;
    private final float[] bias;

    CategoryModel(String version, List<String> categories, Map<Integer, Float> rarity, Map<Integer, float[]> weights, float[] bias) {
        this.version = version;
        this.categories = List.copyOf(categories);
        this.rarity = rarity;
        this.weights = weights;
        this.bias = bias;
    }

    public String version() {
        return version;
    }

    public List<String> categories() {
        return categories;
    }

    public Suggestion suggest(String text) {
        if (categories.isEmpty()) {
            return Suggestion.none(version);
        }
        double[] scores = new double[categories.size()];
        for (int k = 0; k < scores.length; k++) {
            scores[k] = bias[k];
        }
        for (Map.Entry<Integer, Double> feature : vector(TextFeatures.counts(text), rarity).entrySet()) {
            float[] w = weights.get(feature.getKey());
            if (w != null) {
                for (int k = 0; k < scores.length; k++) {
                    scores[k] += w[k] * feature.getValue();
                }
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        double[] shares = new double[scores.length];
        for (int k = 0; k < scores.length; k++) {
            shares[k] = Math.exp(SHARPNESS * (scores[k] - max));
            sum += shares[k];
        }
        List<Suggestion.Alternative> ranked = new ArrayList<>();
        for (int k = 0; k < scores.length; k++) {
            ranked.add(new Suggestion.Alternative(categories.get(k), shares[k] / sum));
        }
        ranked.sort(Comparator.comparingDouble(Suggestion.Alternative::confidence).reversed()
                .thenComparing(Suggestion.Alternative::category));
        Suggestion.Alternative best = ranked.get(0);
        return new Suggestion(best.category(), best.confidence(), List.copyOf(ranked.subList(1, ranked.size())), version);
    }

    /** Sublinear term frequency times rarity, scaled to length 1: long documents do not shout. */
    static Map<Integer, Double> vector(Map<Integer, Double> counts, Map<Integer, Float> rarity) {
        Map<Integer, Double> vector = new HashMap<>();
        double norm = 0;
        for (Map.Entry<Integer, Double> count : counts.entrySet()) {
            Float r = rarity.get(count.getKey());
            if (r != null) {
                double value = (1 + Math.log(count.getValue())) * r;
                vector.put(count.getKey(), value);
                norm += value * value;
            }
        }
        double length = Math.sqrt(norm);
        if (length > 0) {
            vector.replaceAll((feature, value) -> value / length);
        }
        return vector;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(FORMAT);
            out.writeUTF(version);
            out.writeInt(categories.size());
            for (int k = 0; k < categories.size(); k++) {
                out.writeUTF(categories.get(k));
                out.writeFloat(bias[k]);
            }
            out.writeInt(rarity.size());
            for (Map.Entry<Integer, Float> feature : rarity.entrySet()) {
                out.writeInt(feature.getKey());
                out.writeFloat(feature.getValue());
                float[] w = weights.getOrDefault(feature.getKey(), new float[categories.size()]);
                for (float v : w) {
                    out.writeFloat(v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static CategoryModel fromBytes(byte[] stored) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(stored)))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown model format " + format);
            }
            String version = in.readUTF();
            int size = in.readInt();
            List<String> categories = new ArrayList<>();
            float[] bias = new float[size];
            for (int k = 0; k < size; k++) {
                categories.add(in.readUTF());
                bias[k] = in.readFloat();
            }
            int features = in.readInt();
            Map<Integer, Float> rarity = new HashMap<>(features * 2);
            Map<Integer, float[]> weights = new HashMap<>(features * 2);
            for (int f = 0; f < features; f++) {
                int feature = in.readInt();
                rarity.put(feature, in.readFloat());
                float[] w = new float[size];
                for (int k = 0; k < size; k++) {
                    w[k] = in.readFloat();
                }
                weights.put(feature, w);
            }
            return new CategoryModel(version, categories, rarity, weights, bias);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
