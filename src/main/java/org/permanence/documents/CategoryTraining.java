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
    /** Three folds: each held-out document scored by a model trained on two thirds, at a third more training time. */
    static final int CALIBRATION_FOLDS = 3;
    /** Fewer held-out documents than this and a fitted temperature says more about chance than about the model. */
    private static final int MIN_HELD_OUT = 10;
    /** The temperature of an uncalibrated model: spreads the linear margins into confidences a threshold can separate. */
    static final double UNCALIBRATED = 4.0;

    private CategoryTraining() {
    }

    /**
     * Learns from the examples and from the usual words of their categories ({@link CategoryWords}),
     * with the softmax temperature fitted on held-out folds of the examples ({@link #calibrate}).
     */
    public static CategoryModel train(List<TrainingExample> documents, String version) {
        return build(documents, version, calibrate(documents));
    }

    private static CategoryModel build(List<TrainingExample> documents, String version, double temperature) {
        List<String> categories = new ArrayList<>(new TreeSet<>(documents.stream().map(TrainingExample::category).toList()));
        List<TrainingExample> examples = new ArrayList<>(documents);
        examples.addAll(CategoryWords.examplesFor(categories));
        List<Map<Integer, Double>> counts = examples.stream().map(TrainingExample::features).toList();
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
        Centroids centroids = centroids(documents, vectors.subList(0, documents.size()), categories);
        return new CategoryModel(version, categories, rarity, weights, bias, temperature, centroids.examples(), centroids.sums(),
                centroids.floors());
    }

    private record Centroids(int[] examples, Map<Integer, float[]> sums, float[] floors) {
    }

    /**
     * Each category's centroid (the mean of its documents' vectors; the usual-words lines are not
     * documents) and its floor: the lowest leave-one-out cosine of one of its documents to the mean of
     * the others. A category with a single document has no floor a document can reach (1.1): nothing
     * says yet what its documents look like.
     */
    private static Centroids centroids(List<TrainingExample> documents, List<Sparse> vectors, List<String> categories) {
        int size = categories.size();
        int[] examples = new int[size];
        Map<Integer, double[]> sums = new HashMap<>();
        int[] category = new int[documents.size()];
        for (int i = 0; i < documents.size(); i++) {
            int k = categories.indexOf(documents.get(i).category());
            category[i] = k;
            examples[k]++;
            Sparse x = vectors.get(i);
            for (int j = 0; j < x.index().length; j++) {
                sums.computeIfAbsent(x.index()[j], f -> new double[size])[k] += x.value()[j];
            }
        }
        double[] squaredSum = new double[size];
        sums.values().forEach(s -> {
            for (int k = 0; k < size; k++) {
                squaredSum[k] += s[k] * s[k];
            }
        });
        float[] floors = new float[size];
        java.util.Arrays.fill(floors, 1.1f);
        for (int i = 0; i < documents.size(); i++) {
            int k = category[i];
            if (examples[k] < 2) {
                continue;
            }
            Sparse x = vectors.get(i);
            double dot = 0;
            double own = 0;
            for (int j = 0; j < x.index().length; j++) {
                dot += x.value()[j] * sums.get(x.index()[j])[k];
                own += x.value()[j] * x.value()[j];
            }
            // cosine of x to (sum - x): (x.sum - |x|²) / (|x| |sum - x|)
            double others = Math.sqrt(Math.max(squaredSum[k] - 2 * dot + own, 0));
            double cosine = own == 0 || others == 0 ? 0 : (dot - own) / (Math.sqrt(own) * others);
            floors[k] = (float) Math.min(floors[k] > 1 ? cosine : floors[k], cosine);
        }
        Map<Integer, float[]> means = new HashMap<>(sums.size() * 2);
        sums.forEach((feature, sum) -> {
            float[] mean = new float[size];
            for (int k = 0; k < size; k++) {
                mean[k] = examples[k] == 0 ? 0 : (float) (sum[k] / examples[k]);
            }
            means.put(feature, mean);
        });
        return new Centroids(examples, means, floors);
    }

    /**
     * The softmax temperature that makes held-out confidences honest: the examples are dealt into
     * {@value #CALIBRATION_FOLDS} folds per category, each fold is scored by a model trained on the
     * others, and the temperature minimising the held-out log-loss is kept (temperature scaling; the
     * ranking, hence accuracy, is unchanged). Too few held-out documents to fit it (a new client with
     * no base model): {@value #UNCALIBRATED}, the sharpness used before calibration.
     */
    static double calibrate(List<TrainingExample> documents) {
        int[] fold = new int[documents.size()];
        Map<String, Integer> dealt = new HashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            fold[i] = dealt.merge(documents.get(i).category(), 1, Integer::sum) % CALIBRATION_FOLDS;
        }
        List<double[]> heldOutScores = new ArrayList<>();
        List<Integer> heldOutTruth = new ArrayList<>();
        for (int f = 0; f < CALIBRATION_FOLDS; f++) {
            List<TrainingExample> training = new ArrayList<>();
            List<TrainingExample> heldOut = new ArrayList<>();
            for (int i = 0; i < documents.size(); i++) {
                (fold[i] == f ? heldOut : training).add(documents.get(i));
            }
            if (training.stream().map(TrainingExample::category).distinct().count() < 2) {
                continue;
            }
            CategoryModel model = build(training, "calibration", UNCALIBRATED);
            for (TrainingExample example : heldOut) {
                int truth = model.categories().indexOf(example.category());
                if (truth >= 0) {
                    heldOutScores.add(model.scores(example.features()));
                    heldOutTruth.add(truth);
                }
            }
        }
        if (heldOutScores.size() < MIN_HELD_OUT) {
            return UNCALIBRATED;
        }
        double best = UNCALIBRATED;
        double bestLoss = Double.POSITIVE_INFINITY;
        // log-spaced from 0.25 to 256: the log-loss of one temperature parameter is smooth enough for a grid
        for (int step = 0; step <= 80; step++) {
            double temperature = 0.25 * Math.pow(2, step / 8.0);
            double loss = 0;
            for (int i = 0; i < heldOutScores.size(); i++) {
                loss -= Math.log(Math.max(CategoryModel.softmax(heldOutScores.get(i), temperature)[heldOutTruth.get(i)], 1e-12));
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                best = temperature;
            }
        }
        return best;
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
