package org.permanence.documents;

/**
 * A text whose category a person knows: a corpus document, or one a secretary classified. A
 * client's own answers weigh more than the shared corpus, so its model leans towards its habits.
 */
public record TrainingExample(String text, String category, double weight) {

    public TrainingExample {
        if (category == null || category.isBlank()) {
            throw new IllegalArgumentException("a training example needs a category");
        }
        text = text == null ? "" : text;
    }

    public TrainingExample(String text, String category) {
        this(text, category, 1.0);
    }
}
