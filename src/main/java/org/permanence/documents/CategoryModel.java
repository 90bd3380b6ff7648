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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained linear classifier: for every feature seen in training, its rarity (inverse document
 * frequency), one weight per category and the category's centroid (the mean of its training
 * documents). Confidences are the linear scores through a softmax whose temperature was fitted on
 * held-out folds ({@link CategoryTraining}), so "0.9" is right about nine times in ten on such data.
 * A document is <em>familiar</em> when it is at least {@link #FAMILIARITY} as close to its
 * category's centroid as the least typical training document of that category was to the others
 * (leave-one-out): a model knowing only invoices is not made sure of a CV by the softmax. Immutable; a new version replaces
 * it whole. Its bytes are what object storage keeps, so every node classifies with the same model.
 */
public final class CategoryModel {

    private static final int FORMAT = 2;
    /**
     * How close to its category a document must come, as a share of the least typical training
     * document's closeness: a few documents of a category resemble each other more than the next ones
     * will (numbers, names, dates differ), so half. A CV's cosine to a category of invoices is below 0.1,
     * a new invoice's above 0.5 (AutomaticFilingTest; the evaluation command counts the unfamiliar).
     */
    static final double FAMILIARITY = 0.5;

    private final String version;
    private final List<String> categories;
    private final Map<Integer, Float> rarity;
    private final Map<Integer, float[]> weights;
    private final float[] bias;
    private final double temperature;
    private final int[] examples;
    private final Map<Integer, float[]> centroids;
    private final float[] floors;
    private final double[] centroidNorms;
    /** The rarity of a feature no training document had: the highest, as for a feature seen once. */
    private final double unseenRarity;

    CategoryModel(String version, List<String> categories, Map<Integer, Float> rarity, Map<Integer, float[]> weights, float[] bias,
                  double temperature, int[] examples, Map<Integer, float[]> centroids, float[] floors) {
        this.version = version;
        this.categories = List.copyOf(categories);
        this.rarity = rarity;
        this.weights = weights;
        this.bias = bias;
        this.temperature = temperature;
        this.examples = examples;
        this.centroids = centroids;
        this.floors = floors;
        this.centroidNorms = new double[categories.size()];
        for (float[] centroid : centroids.values()) {
            for (int k = 0; k < centroidNorms.length; k++) {
                centroidNorms[k] += centroid[k] * (double) centroid[k];
            }
        }
        for (int k = 0; k < centroidNorms.length; k++) {
            centroidNorms[k] = Math.sqrt(centroidNorms[k]);
        }
        this.unseenRarity = rarity.values().stream().mapToDouble(Float::doubleValue).max().orElse(1.0);
    }

    public String version() {
        return version;
    }

    public List<String> categories() {
        return categories;
    }

    /** How many documents each category learnt from (its usual-words lines not counted). */
    public Map<String, Integer> examples() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int k = 0; k < categories.size(); k++) {
            counts.put(categories.get(k), examples[k]);
        }
        return counts;
    }

    /** The hashed features it saw in training: what it holds of the words of the documents it learnt from. */
    java.util.Set<Integer> features() {
        return java.util.Collections.unmodifiableSet(rarity.keySet());
    }

    double temperature() {
        return temperature;
    }

    public Suggestion suggest(String text) {
        if (categories.isEmpty()) {
            return Suggestion.none(version);
        }
        Map<Integer, Double> counts = TextFeatures.counts(text);
        double[] scores = scores(counts);
        double[] shares = softmax(scores, temperature);
        List<Suggestion.Alternative> ranked = new ArrayList<>();
        for (int k = 0; k < scores.length; k++) {
            ranked.add(new Suggestion.Alternative(categories.get(k), shares[k]));
        }
        ranked.sort(Comparator.comparingDouble(Suggestion.Alternative::confidence).reversed()
                .thenComparing(Suggestion.Alternative::category));
        Suggestion.Alternative best = ranked.get(0);
        int k = categories.indexOf(best.category());
        boolean familiar = similarity(counts, k) >= FAMILIARITY * floors[k];
        return new Suggestion(best.category(), best.confidence(), ranked.subList(1, ranked.size()), version, familiar, examples());
    }

    /** The linear score of each category, before the softmax. */
    double[] scores(Map<Integer, Double> counts) {
        double[] scores = new double[categories.size()];
        for (int k = 0; k < scores.length; k++) {
            scores[k] = bias[k];
        }
        for (Map.Entry<Integer, Double> feature : vector(counts, rarity).entrySet()) {
            float[] w = weights.get(feature.getKey());
            if (w != null) {
                for (int k = 0; k < scores.length; k++) {
                    scores[k] += w[k] * feature.getValue();
                }
            }
        }
        return scores;
    }

    static double[] softmax(double[] scores, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        double[] shares = new double[scores.length];
        for (int k = 0; k < scores.length; k++) {
            shares[k] = Math.exp(temperature * (scores[k] - max));
            sum += shares[k];
        }
        for (int k = 0; k < scores.length; k++) {
            shares[k] /= sum;
        }
        return shares;
    }

    /**
     * Cosine between the document and category {@code k}'s centroid. Words the model never saw count
     * in the document's length (at the highest rarity): a text mostly made of them is far from every
     * category, however its few known words lean.
     */
    double similarity(Map<Integer, Double> counts, int k) {
        if (centroidNorms[k] == 0) {
            return 0;
        }
        double dot = 0;
        double norm = 0;
        for (Map.Entry<Integer, Double> count : counts.entrySet()) {
            Float r = rarity.get(count.getKey());
            double value = (1 + Math.log(count.getValue())) * (r == null ? unseenRarity : r);
            norm += value * value;
            float[] centroid = centroids.get(count.getKey());
            if (centroid != null) {
                dot += value * centroid[k];
            }
        }
        return norm == 0 ? 0 : dot / (Math.sqrt(norm) * centroidNorms[k]);
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
        int size = categories.size();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(FORMAT);
            out.writeUTF(version);
            out.writeDouble(temperature);
            out.writeInt(size);
            for (int k = 0; k < size; k++) {
                out.writeUTF(categories.get(k));
                out.writeFloat(bias[k]);
                out.writeInt(examples[k]);
                out.writeFloat(floors[k]);
            }
            out.writeInt(rarity.size());
            // in feature order: the same model gives the same bytes, whichever node wrote them
            for (int feature : rarity.keySet().stream().mapToInt(Integer::intValue).sorted().toArray()) {
                out.writeInt(feature);
                out.writeFloat(rarity.get(feature));
                for (float v : weights.getOrDefault(feature, new float[size])) {
                    out.writeFloat(v);
                }
                for (float v : centroids.getOrDefault(feature, new float[size])) {
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
            String version = version(in);
            double temperature = in.readDouble();
            int size = in.readInt();
            List<String> categories = new ArrayList<>();
            float[] bias = new float[size];
            int[] examples = new int[size];
            float[] floors = new float[size];
            for (int k = 0; k < size; k++) {
                categories.add(in.readUTF());
                bias[k] = in.readFloat();
                examples[k] = in.readInt();
                floors[k] = in.readFloat();
            }
            int features = in.readInt();
            Map<Integer, Float> rarity = new HashMap<>(features * 2);
            Map<Integer, float[]> weights = new HashMap<>(features * 2);
            Map<Integer, float[]> centroids = new HashMap<>(features * 2);
            for (int f = 0; f < features; f++) {
                int feature = in.readInt();
                rarity.put(feature, in.readFloat());
                weights.put(feature, floats(in, size));
                float[] centroid = floats(in, size);
                if (nonZero(centroid)) {
                    centroids.put(feature, centroid);
                }
            }
            return new CategoryModel(version, categories, rarity, weights, bias, temperature, examples, centroids, floors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version of a stored model, read from its first bytes alone (comparing versions need not read the weights). */
    static String versionOf(byte[] stored) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(stored)))) {
            return version(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String version(DataInputStream in) throws IOException {
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IllegalArgumentException("unknown model format " + format);
        }
        return in.readUTF();
    }

    private static float[] floats(DataInputStream in, int size) throws IOException {
        float[] values = new float[size];
        for (int k = 0; k < size; k++) {
            values[k] = in.readFloat();
        }
        return values;
    }

    private static boolean nonZero(float[] values) {
        for (float v : values) {
            if (v != 0) {
                return true;
            }
        }
        return false;
    }
}
