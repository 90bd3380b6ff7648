package org.permanence.onboarding.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.permanence.clients.Client;

/** The demo's letters come from somewhere: every demo client's letterhead has a postal address. */
@Tag("unit")
class DemoOfficeTest {

    @Test
    void everyDemoClientSignsItsLettersFromAPostalAddress() {
        assertThat(DemoOffice.demoLetterheads().keySet())
                .containsExactlyInAnyOrderElementsOf(DemoOffice.demoClients().stream().map(Client::id).toList());
        DemoOffice.demoLetterheads().forEach((client, letterhead) -> {
            assertThat(letterhead.address()).as(client).anySatisfy(line -> assertThat(line).matches("\\d{5} .+"));
            assertThat(letterhead.town()).as(client).isNotBlank();
        });
    }
}
