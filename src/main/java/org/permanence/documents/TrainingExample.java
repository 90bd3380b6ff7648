package org.permanence.documents;

import java.util.Map;

/**
 * A document whose category a person knows, as the features its text counts ({@link TextFeatures}):
 * a corpus document, or one a secretary classified. Kept as hashed feature counts, not as text, so
 * the shipped base model's examples carry no corpus document's words. A client's own answers weigh
 * more than the shared corpus, so its model leans towards its habits.
 */
public record TrainingExample(Map<Integer, Double> features, String category, double weight) {

    public TrainingExample {
        if (category == null || category.isBlank()) {
            throw new IllegalArgumentException("a training example needs a category");
        }
        features = Map.copyOf(features);
    }

    public TrainingExample(String text, String category, double weight) {
        this(TextFeatures.counts(text == null ? "" : text), category, weight);
    }

    public TrainingExample(String text, String category) {
        this(text, category, 1.0);
    }
}
