package org.permanence.documents;

import java.util.HashSet;
import java.util.Set;

/** What a model holds of a text's words, for the tests outside this package. */
public final class TestModels {

    private TestModels() {
    }

    /**
     * The features of {@code text} (its words, word pairs and pieces of words, hashed) that {@code model} saw in
     * training and {@code base} did not: what only the documents the model learnt on top of the base could have
     * taught it. A number is only learnt as its shape (how many digits), so it is never found here.
     */
    public static Set<Integer> learntBeyond(CategoryModel model, CategoryModel base, String text) {
        Set<Integer> features = new HashSet<>(TextFeatures.counts(text).keySet());
        features.retainAll(model.features());
        features.removeAll(base.features());
        return features;
    }
}
