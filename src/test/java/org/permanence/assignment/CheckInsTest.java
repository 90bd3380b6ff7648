package org.permanence.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.permanence.people.engine.Team;

/** Who is nudged to check in on a colleague after her difficult call: one free colleague sharing a client, the same whoever asks. */
@Tag("unit")
class CheckInsTest {

    private static final Team.Secretary CLAIRE = new Team.Secretary("claire", "Claire", List.of("plombier", "medecin"));
    private static final Team.Secretary SOPHIE = new Team.Secretary("sophie", "Sophie", List.of("plombier", "avocats"));
    private static final Team.Secretary AMELIE = new Team.Secretary("amelie", "Amélie", List.of("medecin"));
    private static final Team.Secretary LUCIE = new Team.Secretary("lucie", "Lucie", List.of("avocats"));
    private static final List<Team.Secretary> OFFICE = List.of(CLAIRE, SOPHIE, AMELIE, LUCIE);

    @Test
    void oneAvailableColleagueSharingAClientTheFirstByName() {
        Map<String, Status> everyoneFree = Map.of("claire", Status.AVAILABLE, "sophie", Status.AVAILABLE, "amelie", Status.AVAILABLE,
                "lucie", Status.AVAILABLE);
        assertThat(CheckIns.whoChecksIn(CLAIRE, OFFICE, everyoneFree)).contains("amelie");
        assertThat(CheckIns.whoChecksIn(LUCIE, OFFICE, everyoneFree)).as("only sophie shares the law firm").contains("sophie");
    }

    @Test
    void neverOneInFocusOnABreakOrAwayNorHerself() {
        Map<String, Status> busy = Map.of("claire", Status.AVAILABLE, "sophie", Status.FOCUS, "amelie", Status.BREAK, "lucie", Status.AVAILABLE);
        assertThat(CheckIns.whoChecksIn(CLAIRE, OFFICE, busy)).as("lucie shares no client with her").isEmpty();
        assertThat(CheckIns.whoChecksIn(SOPHIE, OFFICE, Map.of("claire", Status.AWAY, "sophie", Status.AVAILABLE, "lucie", Status.AVAILABLE,
                "amelie", Status.AVAILABLE))).contains("lucie");
    }
}
