package org.permanence.documents;

import java.util.List;
import java.util.Map;

/**
 * What the model proposes for one document: its best category with a calibrated confidence between
 * 0 and 1, the other categories in order, and which model version said so (recorded with the
 * document). {@code familiar} says whether the document is as close to that category's documents as
 * the model's own training documents were ({@link CategoryModel}); {@code examples} how many
 * documents (not usual-words lines) each category of the model learnt from.
 */
public record Suggestion(String category, double confidence, List<Alternative> alternatives, String modelVersion, boolean familiar,
                         Map<String, Integer> examples) {

    public record Alternative(String category, double confidence) {
    }

    public Suggestion {
        alternatives = List.copyOf(alternatives);
        examples = Map.copyOf(examples);
    }

    public static Suggestion none(String modelVersion) {
        return new Suggestion(null, 0.0, List.of(), modelVersion, false, Map.of());
    }
}
