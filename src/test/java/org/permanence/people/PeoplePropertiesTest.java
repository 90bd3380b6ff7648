package org.permanence.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

@Tag("unit")
class PeoplePropertiesTest {

    private static final String H2 = "jdbc:h2:file:./data/db/permanence";
    private static final String POSTGRES = "jdbc:postgresql://db:5432/permanence";

    @Test
    void theDemoOfficeIsLoadedOnTheEmbeddedDatabaseUnlessSaidOtherwise() {
        assertThat(people(null).loadsDemo(H2)).isTrue();
        assertThat(people(null).loadsDemo(POSTGRES)).isFalse();
        assertThat(people(true).loadsDemo(POSTGRES)).isTrue();
        assertThat(people(false).loadsDemo(H2)).isFalse();
    }

    private static PeopleProperties people(Boolean demo) {
        return new PeopleProperties("permanence-worker", "", demo, "");
    }
}
