package org.permanence.tasktimes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.permanence.system.FieldProblem;

/** A client's delays are checked field by field; the office's must make sense to start at all. */
@Tag("unit")
class ClientTaskTimesTest {

    @Test
    void badDelaysAreRefusedFieldByField() {
        List<FieldProblem> problems = ClientTaskTimes.problems(Arrays.asList(
                new ClientTaskTimes.Delay("CallBack", 60, 60),
                new ClientTaskTimes.Delay("CallBack", 0, 101),
                new ClientTaskTimes.Delay("not a task id", 10, 50),
                null));

        assertThat(problems).extracting(FieldProblem::field).containsExactly("delays[1].taskType", "delays[1].dueWithinMinutes",
                "delays[1].priority", "delays[2].taskType", "delays[3].taskType");
        assertThat(ClientTaskTimes.problems(List.of(new ClientTaskTimes.Delay("ReviewDraft", 10080, 0)))).isEmpty();
    }

    @Test
    void theOfficeTimesMustMakeSense() {
        assertThatThrownBy(() -> new TaskTime(Duration.ZERO, 50, null)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new TaskTime(Duration.ofHours(1), 101, null)).hasMessageContaining("0 to 100");
        assertThatThrownBy(() -> new TaskTimesProperties(null, null)).hasMessageContaining("defaults");
    }
}
