package org.permanence.system;

import java.util.Locale;

/**
 * French prepositions before a name that carries its article ("le Cabinet du Dr Martin"): de + le is
 * "du", de + les "des", à + le "au", à + les "aux"; "la" and "l'" stay; a bare name takes "de", or
 * "d'" before a vowel ("d'Alain Morel").
 */
public final class FrenchArticles {

    private FrenchArticles() {
    }

    /** "du Cabinet du Dr Martin", "de la Plomberie Leroy", "de l'Étude Morel", "d'Alain Morel". */
    public static String of(String name) {
        if (name.startsWith("le ")) {
            return "du " + name.substring(3);
        }
        if (name.startsWith("les ")) {
            return "des " + name.substring(4);
        }
        if (name.startsWith("la ") || name.startsWith("l'") || name.startsWith("l’")) {
            return "de " + name;
        }
        return (startsWithVowel(name) ? "d'" : "de ") + name;
    }

    /** "au Cabinet du Dr Martin", "à la Plomberie Leroy", "aux Ateliers Roux", "à Alain Morel". */
    public static String to(String name) {
        if (name.startsWith("le ")) {
            return "au " + name.substring(3);
        }
        if (name.startsWith("les ")) {
            return "aux " + name.substring(4);
        }
        return "à " + name;
    }

    /** The same words opening a sentence: "Le Cabinet du Dr Martin vous confirme…". */
    public static String capitalized(String words) {
        return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.FRENCH) + words.substring(1);
    }

    private static boolean startsWithVowel(String name) {
        // a name's h is often aspirated (de Hugo): no elision before it
        return !name.isEmpty() && "aeiouyàâäéèêëîïôöùûüœ".indexOf(Character.toLowerCase(name.charAt(0))) >= 0;
    }
}
