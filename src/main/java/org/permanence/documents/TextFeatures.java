package org.permanence.documents;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a document's text into counted features: words, pairs of neighbouring words, and 3- to
 * 5-letter pieces of words. The letter pieces are what still matches when OCR misreads one letter
 * of a word ("lnvoice", "factnre"); accents and case are dropped for the same reason. Features are
 * hashed into a fixed space so a model never needs a vocabulary.
 */
final class TextFeatures {

    private static final int BITS = 20;
    static final int DIMENSIONS = 1 << BITS;

    /** Past this, more text tells the model nothing new and only costs time. */
    private static final int MAX_CHARS = 20_000;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{2,30}");
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    /**
     * The filler of the machine-readable lines of passports, identity cards and residence permits
     * ({@code P<FRA…<<}, {@code IDFRA…<<<<}): no word at all to the word pattern, yet the surest sign
     * of an identity paper, and what OCR still reads on a blurred photo.
     */
    private static final Pattern MRZ_FILLER = Pattern.compile("<{2,}|(?<=\\p{Lu})<(?=\\p{Lu})");

    private TextFeatures() {
    }

    static Map<Integer, Double> counts(String text) {
        String plain = normalise(MRZ_FILLER.matcher(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text).replaceAll(" mrz "));
        Map<Integer, Double> counts = new HashMap<>();
        Matcher words = WORD.matcher(plain);
        String previous = null;
        while (words.find()) {
            String word = shape(words.group());
            add(counts, "w:" + word);
            if (previous != null) {
                add(counts, "b:" + previous + ' ' + word);
            }
            previous = word;
            String padded = ' ' + word + ' ';
            for (int n = 3; n <= 5; n++) {
                for (int i = 0; i + n <= padded.length(); i++) {
                    add(counts, "c:" + padded.substring(i, i + n));
                }
            }
        }
        return counts;
    }

    private static String normalise(String text) {
        return DIACRITICS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** Every number is a different word; their shape (how many digits) is what a class shares. */
    private static String shape(String word) {
        return word.chars().anyMatch(Character::isDigit) ? word.replaceAll("\\p{N}", "0") : word;
    }

    private static void add(Map<Integer, Double> counts, String feature) {
        // Fibonacci hashing: the high bits of the product mix every bit of the string's hash
        counts.merge((feature.hashCode() * 0x9E3779B1) >>> (32 - BITS), 1.0, Double::sum);
    }
}
