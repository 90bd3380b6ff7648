package org.permanence.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.permanence.system.FieldProblem;

/** Focus and break need their length (1 to 240 minutes); available and away take none. */
@Tag("unit")
class StatusChangeTest {

    @Test
    void focusAndBreakNeedTheirMinutes() {
        assertThat(new StatusChange(Status.BREAK, 15).problems()).isEmpty();
        assertThat(new StatusChange(Status.FOCUS, 1).problems()).isEmpty();
        assertThat(new StatusChange(Status.FOCUS, 240).problems()).isEmpty();
        assertThat(new StatusChange(Status.BREAK, null).problems()).extracting(FieldProblem::field).containsExactly("minutes");
        assertThat(new StatusChange(Status.BREAK, 0).problems()).extracting(FieldProblem::field).containsExactly("minutes");
        assertThat(new StatusChange(Status.FOCUS, 241).problems()).extracting(FieldProblem::field).containsExactly("minutes");
    }

    @Test
    void availableAndAwayLastUntilChanged() {
        assertThat(new StatusChange(Status.AVAILABLE, null).problems()).isEmpty();
        assertThat(new StatusChange(Status.AWAY, null).problems()).isEmpty();
        assertThat(new StatusChange(Status.AWAY, 30).problems()).extracting(FieldProblem::field).containsExactly("minutes");
        assertThat(new StatusChange(null, null).problems()).extracting(FieldProblem::field).containsExactly("status");
    }
}
