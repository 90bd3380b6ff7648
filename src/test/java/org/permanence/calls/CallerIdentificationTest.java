package org.permanence.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.permanence.OfficeIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@OfficeIntegrationTest
class CallerIdentificationTest {

    @Autowired
    CallerIdentification identification;

    @Test
    void theDialledLineNamesTheClientWrittenAnyWay() {
        Map<String, Object> card = identification.identify("+33 1 45 67 89 10", "06 12 34 56 78");

        assertThat(card).containsEntry("lineKnown", true).containsEntry("clientId", "cabinet-martin")
                .containsEntry("callerNumber", "+33612345678");
        assertThat((String) card.get("briefingUrgentWhen")).contains("15");
    }

    @Test
    void anUnknownLineStillLandsWithoutAClient() {
        Map<String, Object> card = identification.identify("09 99 99 99 99", "numéro masqué");

        assertThat(card).containsEntry("lineKnown", false).doesNotContainKey("clientId")
                .containsEntry("callerNumber", "numéro masqué");
    }
}
