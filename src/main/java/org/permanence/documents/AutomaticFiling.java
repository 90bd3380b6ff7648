package org.permanence.documents;

import java.util.Collection;

/**
 * Whether a suggestion may be filed with nobody asked, and if not why. Never on the softmax alone:
 * a model that knows one category is sure of everything. So the model must have learnt at least
 * {@value #MIN_CATEGORIES} categories from at least {@value #MIN_EXAMPLES} documents each, the
 * suggested one among them and one of the client's own; the document must look like that
 * category's documents ({@link Suggestion#familiar()}); and the calibrated confidence must reach the
 * client's threshold.
 *
 * <p>Three documents a category: with two, the leave-one-out floor of familiarity compares a
 * document with one other and says little; with three a secretary's first answers of a category
 * are enough, and a client with two categories is filed alone from its sixth answer on.
 */
public final class AutomaticFiling {

    public static final int MIN_CATEGORIES = 2;
    public static final int MIN_EXAMPLES = 3;

    /** Why a secretary is asked (the process variable {@code askedBecause}); {@link #FILE} when nobody needs to be. */
    public enum Verdict {
        FILE, NO_SUGGESTION, NOT_CLIENTS_CATEGORY, TOO_FEW_EXAMPLES, UNFAMILIAR, UNSURE
    }

    private AutomaticFiling() {
    }

    public static Verdict judge(Suggestion suggestion, Collection<String> clientCategories, double threshold) {
        if (suggestion.category() == null) {
            return Verdict.NO_SUGGESTION;
        }
        if (!clientCategories.contains(suggestion.category())) {
            return Verdict.NOT_CLIENTS_CATEGORY;
        }
        long learnt = suggestion.examples().values().stream().filter(n -> n >= MIN_EXAMPLES).count();
        if (learnt < MIN_CATEGORIES || suggestion.examples().getOrDefault(suggestion.category(), 0) < MIN_EXAMPLES) {
            return Verdict.TOO_FEW_EXAMPLES;
        }
        if (!suggestion.familiar()) {
            return Verdict.UNFAMILIAR;
        }
        return suggestion.confidence() >= threshold ? Verdict.FILE : Verdict.UNSURE;
    }
}
