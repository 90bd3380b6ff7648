package org.permanence.clients;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * One form for every phone number we store or compare: E.164 ({@code +33612345678}). Numbers
 * written the French way ({@code 06 12 34 56 78}) are read as French. A caller who hides his number
 * has none: whatever the provider writes in its place is no number of anyone's, so it is never
 * stored, compared or matched (see {@link #WITHHELD}).
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "FR";

    private static final Pattern AS_WRITTEN = Pattern.compile("[0-9+().\\-/ \u00A0]+");

    /** What the secretary, the client and the records are told when the caller's number is withheld or is no number. */
    public static final String WITHHELD = "Numéro masqué";
    /**
     * Words the providers put where a withheld number would be: Twilio's {@code From} is
     * {@code anonymous}, {@code Anonymous}, {@code Restricted}, {@code Unknown}, {@code Blocked},
     * {@code Unavailable}…; Aircall's {@code raw_digits} is {@code anonymous} (or empty).
     */
    private static final Set<String> WITHHELD_WORDS = Set.of("anonymous", "restricted", "unknown", "blocked", "unavailable",
            "private", "withheld", "masqué", "numéro masqué");
    /**
     * The same words spelt on a phone keypad, as Twilio wrote them before it kept the words
     * (ANONYMOUS, RESTRICTED, UNAVAILABLE, BLOCKED, UNKNOWN): they look like numbers, and would make
     * every hidden caller one person.
     */
    private static final Set<String> WITHHELD_KEYPAD = Set.of("+266696687", "+7378742833", "+86282452253", "+2562533", "+8656696");

    private PhoneNumbers() {
    }

    /** The E.164 form, or empty when the text is not a possible phone number or stands for a withheld one. */
    public static Optional<String> e164(String text) {
        if (text == null || WITHHELD_WORDS.contains(text.strip().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return parse(text).map(number -> PHONES.format(number, PhoneNumberFormat.E164)).filter(number -> !WITHHELD_KEYPAD.contains(number));
    }

    /** A caller's number as the office keeps it: its E.164 form, or {@link #WITHHELD} when there is none to keep. */
    public static String caller(String text) {
        return e164(text).orElse(WITHHELD);
    }

    /** The number as a person reads and dials it ({@code +33 6 12 34 56 78}), or the text as given when it is none. */
    public static String readable(String text) {
        return parse(text).map(number -> PHONES.format(number, PhoneNumberFormat.INTERNATIONAL)).orElse(text);
    }

    private static Optional<PhoneNumber> parse(String text) {
        // libphonenumber finds a number inside surrounding text (markup, a second line): only a number as people write one is one
        if (text == null || text.isBlank() || text.length() > 40 || !AS_WRITTEN.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = PHONES.parse(text, DEFAULT_REGION);
            return PHONES.isPossibleNumber(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
