package org.permanence.telephony;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * One form for every phone number we store or compare: E.164 ({@code +33612345678}). Numbers
 * written the French way ({@code 06 12 34 56 78}) are read as French.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "FR";

    private PhoneNumbers() {
    }

    /** The E.164 form, or empty when the text is not a possible phone number. */
    public static Optional<String> e164(String text) {
        return parse(text).map(number -> PHONES.format(number, PhoneNumberFormat.E164));
    }

    /** The number as a person reads and dials it ({@code +33 6 12 34 56 78}), or the text as given when it is none. */
    public static String readable(String text) {
        return parse(text).map(number -> PHONES.format(number, PhoneNumberFormat.INTERNATIONAL)).orElse(text);
    }

    private static Optional<PhoneNumber> parse(String text) {
        if (text == null || text.isBlank() || text.length() > 40) {
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
