package org.permanence.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/** Outsiders' text, kept as text in logs, calendar lines and the Tasklist's markdown views. */
@Tag("unit")
class PlainTextTest {

    @Test
    void aLogValueStaysOnItsLine() {
        assertThat(PlainText.forLog("Jean\r\n04:00 INFO forged\u2028x\u0000")).isEqualTo("Jean\\r\\n04:00 INFO forged\\u2028x\\u0000");
        assertThat(PlainText.forLog(null)).isNull();
    }

    @Test
    void oneLineTurnsBreaksIntoSpaces() {
        assertThat(PlainText.oneLine(" Jean\r\nATTENDEE:x\rY\u0085Z ")).isEqualTo("Jean ATTENDEE:x Y Z");
    }

    @Test
    void markdownAndHtmlFromOutsidersShowAsTheCharactersTyped() {
        assertThat(PlainText.inMarkdown("**URGENT** [payer ici](https://evil.example/pay)"))
                .isEqualTo("\\*\\*URGENT\\*\\* \\[payer ici\\]\\(https\\:\\/\\/evil\\.example\\/pay\\)");
        assertThat(PlainText.inMarkdown("<img src=x onerror=alert(1)>\n# Titre"))
                .isEqualTo("\\<img src\\=x onerror\\=alert\\(1\\)\\> \\# Titre");
        assertThat(PlainText.inMarkdown("Mme Lefèvre")).isEqualTo("Mme Lefèvre");
        assertThat(PlainText.inMarkdown(null)).isEmpty();
    }
}
