package org.permanence.documents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Trains a {@link CategoryModel}: TF-IDF features, then one linear support-vector machine per
 * category against the others (dual coordinate descent, as LIBLINEAR does it). Rare categories get
 * a larger penalty so the four contracts are not drowned by the thirty invoices. Deterministic: the
 * same examples give the same model, whichever node trains it.
 */
public final class CategoryTraining {

    /** Penalty for a misclassified example: with L2-normalised vectors 1 is the usual good value. */
    private static final double PENALTY = 1.0;
    private static final int MAX_PASSES = 200;
    private static final double TOLERANCE = 0.01;
    private static final long SEED = 20261127L;

    private CategoryTraining() {
    }

    /** Learns from the examples and from the usual words of their categories ({@link CategoryWords}). */
    public static CategoryModel train(List<TrainingExample> documents, String version) {
        List<String> categories = new ArrayList<>(new TreeSet<>(documents.stream().map(TrainingExample::category).toList()));
        List<TrainingExample> examples = new ArrayList<>(documents);
        examples.addAll(CategoryWords.examplesFor(categories));
        List<Map<Integer, Double>> counts = examples.stream().map(e -> TextFeatures.counts(e.text())).toList();
        Map<Integer, Float> rarity = rarity(counts);
        List<Sparse> vectors = counts.stream().map(c -> Sparse.of(CategoryModel.vector(c, rarity))).toList();

        Map<Integer, float[]> weights = new HashMap<>();
        float[] bias = new float[categories.size()];
        for (int k = 0; k < categories.size(); k++) {
            String category = categories.get(k);
            double[] w = oneAgainstTheRest(examples, vectors, category);
            for (Map.Entry<Integer, Float> feature : rarity.entrySet()) {
                double value = w[feature.getKey()];
                if (value != 0) {
                    weights.computeIfAbsent(feature.getKey(), f -> new float[categories.size()])[k] = (float) value;
                }
            }
            bias[k] = (float) w[TextFeatures.DIMENSIONS];
        }
        return new CategoryModel(version, categories, rarity, weights, bias);
    }

    private static Map<Integer, Float> rarity(List<Map<Integer, Double>> counts) {
        Map<Integer, Integer> documents = new HashMap<>();
        counts.forEach(c -> c.keySet().forEach(f -> documents.merge(f, 1, Integer::sum)));
        int n = counts.size();
        Map<Integer, Float> rarity = new HashMap<>(documents.size() * 2);
        documents.forEach((f, df) -> rarity.put(f, (float) (Math.log((1.0 + n) / (1.0 + df)) + 1.0)));
        return rarity;
    }

    /** L2-regularised L2-loss SVM in the dual; the last weight is the bias (a constant feature 1). */
    private static double[] oneAgainstTheRest(List<TrainingExample> examples, List<Sparse> vectors, String category) {
        int n = examples.size();
        double positives = examples.stream().filter(e -> e.category().equals(category)).mapToDouble(TrainingExample::weight).sum();
        double total = examples.stream().mapToDouble(TrainingExample::weight).sum();
        double[] w = new double[TextFeatures.DIMENSIONS + 1];
        double[] alpha = new double[n];
        double[] diagonal = new double[n];
        double[] squaredNorm = new double[n];
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            TrainingExample example = examples.get(i);
            label[i] = example.category().equals(category) ? 1 : -1;
            double classShare = label[i] > 0 ? positives : total - positives;
            double penalty = PENALTY * example.weight() * total / (2 * Math.max(classShare, 1e-9));
            diagonal[i] = 1 / (2 * penalty);
            squaredNorm[i] = vectors.get(i).squaredNorm() + 1 + diagonal[i];
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(SEED);
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            shuffle(order, random);
            double largestStep = 0;
            for (int i : order) {
                Sparse x = vectors.get(i);
                double gradient = label[i] * (x.dot(w) + w[TextFeatures.DIMENSIONS]) - 1 + diagonal[i] * alpha[i];
                double projected = alpha[i] == 0 ? Math.min(gradient, 0) : gradient;
                if (Math.abs(projected) > 1e-12) {
                    double before = alpha[i];
                    alpha[i] = Math.max(before - gradient / squaredNorm[i], 0);
                    double step = (alpha[i] - before) * label[i];
                    x.addTo(w, step);
                    w[TextFeatures.DIMENSIONS] += step;
                    largestStep = Math.max(largestStep, Math.abs(projected));
                }
            }
            if (largestStep < TOLERANCE) {
                break;
            }
        }
        return w;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int kept = order[i];
            order[i] = order[j];
            order[j] = kept;
        }
    }

    private record Sparse(int[] index, double[] value) {

        static Sparse of(Map<Integer, Double> vector) {
            int[] index = vector.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            double[] value = new double[index.length];
            for (int i = 0; i < index.length; i++) {
                value[i] = vector.get(index[i]);
            }
            return new Sparse(index, value);
        }

        double dot(double[] w) {
            double sum = 0;
            for (int i = 0; i < index.length; i++) {
                sum += w[index[i]] * value[i];
            }
            return sum;
        }

        void addTo(double[] w, double factor) {
            for (int i = 0; i < index.length; i++) {
                w[index[i]] += factor * value[i];
            }
        }

        double squaredNorm() {
            double sum = 0;
            for (double v : value) {
                sum += v * v;
            }
            return sum;
        }
    }
}
