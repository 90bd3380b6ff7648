package org.permanence.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.permanence.system.InvalidRequest;

/** What a manager types to find a caller, and the office's retention defaults as configured. */
@Tag("unit")
class CallerTest {

    @Test
    void aNumberIsComparedInE164AndFoundInTextsAsPeopleWriteIt() {
        Caller caller = Caller.typed(" 06 12 34 56 78 ");
        assertThat(caller.numbers()).containsExactly("+33612345678");
        assertThat(caller.appearsIn("Rappeler au +33 6 12 34 56 78 demain")).isTrue();
        assertThat(caller.appearsIn("Rappeler au +33612345679")).isFalse();
    }

    @Test
    void anEmailOrANameIsComparedWithoutCase() {
        assertThat(Caller.typed("Jeanne.Roux@Exemple.FR").emails()).containsExactly("jeanne.roux@exemple.fr");
        Caller named = Caller.typed("Jeanne Roux");
        assertThat(named.names()).containsExactly("jeanne roux");
        assertThat(named.appearsIn("Message de JEANNE ROUX pour le docteur")).isTrue();
    }

    @Test
    void aNameOfTwoLettersWouldFindHalfTheOfficeAndIsRefused() {
        assertThatThrownBy(() -> Caller.typed("Li")).isInstanceOf(InvalidRequest.class).hasMessageContaining("3 letters");
        assertThatThrownBy(() -> Caller.typed(null)).isInstanceOf(InvalidRequest.class);
    }

    @Test
    void whatHerRecordsSayIsAddedToWhatWasTyped() {
        Caller grown = Caller.typed("0612345678").with(new Caller(Set.of(), Set.of("jeanne roux"), Set.of("jeanne@exemple.fr")));
        assertThat(grown.inTexts()).contains("+33612345678", "+33 6 12 34 56 78", "jeanne roux", "jeanne@exemple.fr");
    }

    @Test
    void everyKindNeedsItsDefaultAndNoneMayBeZero() {
        assertThatThrownBy(() -> new PrivacyProperties(Map.of(RecordKind.CALLS, 30), 365, Duration.ofHours(1), true))
                .hasMessageContaining("retention-days.appointments");
        assertThatThrownBy(() -> new PrivacyProperties(Map.of(RecordKind.CALLS, 0, RecordKind.APPOINTMENTS, 1, RecordKind.MAILS, 1,
                RecordKind.DOCUMENTS, 1), 365, null, true)).hasMessageContaining("retention-days.calls");
        PrivacyProperties fine = new PrivacyProperties(Map.of(RecordKind.CALLS, 1, RecordKind.APPOINTMENTS, 1, RecordKind.MAILS, 1,
                RecordKind.DOCUMENTS, 1), 30, null, true);
        assertThat(fine.purgeEvery()).isEqualTo(Duration.ofHours(1));
    }
}
