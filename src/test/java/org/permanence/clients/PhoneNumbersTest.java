package org.permanence.clients;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("unit")
class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "06 12 34 56 78, +33612345678",
            "+33 6 12 34 56 78, +33612345678",
            "0033612345678, +33612345678",
            "06.12.34.56.78, +33612345678",
            "(01) 45-67-89-10, +33145678910",
            "+44 20 7946 0958, +442079460958"})
    void writesEveryFormOfANumberTheSameWay(String written, String e164) {
        assertThat(PhoneNumbers.e164(written)).contains(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "call me", "12", "06 12 34 56 78 90 12 34 56"})
    void refusesWhatIsNotAPhoneNumber(String written) {
        assertThat(PhoneNumbers.e164(written)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "+33612345678, +33 6 12 34 56 78",
            "01 45 67 89 10, +33 1 45 67 89 10",
            "numéro masqué, numéro masqué"})
    void showsANumberTheWayPeopleDialIt(String stored, String shown) {
        assertThat(PhoneNumbers.readable(stored)).isEqualTo(shown);
    }

    /** What Twilio (From) and Aircall (raw_digits) send for a caller who hides his number, and ids that are no number at all. */
    @ParameterizedTest
    @ValueSource(strings = {"anonymous", "Anonymous", "ANONYMOUS", "Restricted", "Unknown", "Blocked", "Unavailable", "+266696687",
            "+7378742833", "+86282452253", "+2562533", "<script>alert(1)</script>", "06 12 34 56 78\r\nX-Forged: 1",
            "<b>0612345678</b>", "0612345678\u0000"})
    void aWithheldNumberIsNoNumberAndIsShownAsNumeroMasque(String written) {
        assertThat(PhoneNumbers.e164(written)).isEmpty();
        assertThat(PhoneNumbers.caller(written)).isEqualTo("Numéro masqué");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void noCallerIdIsAWithheldNumberToo(String written) {
        assertThat(PhoneNumbers.caller(written)).isEqualTo(PhoneNumbers.WITHHELD);
        assertThat(PhoneNumbers.caller(null)).isEqualTo(PhoneNumbers.WITHHELD);
    }
}
