package org.permanence.documents;

import java.util.List;

/**
 * What the model proposes for one document: its best category with a confidence between 0 and 1,
 * the other categories in order, and which model version said so (recorded with the document).
 */
public record Suggestion(String category, double confidence, List<Alternative> alternatives, String modelVersion) {

    public record Alternative(String category, double confidence) {
    }

    public static Suggestion none(String modelVersion) {
        return new Suggestion(null, 0.0, List.of(), modelVersion);
    }
}
