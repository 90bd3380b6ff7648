package org.permanence.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The evaluation command's calibration figure: "0.9" right nine times in ten is calibrated, anything else is a gap. */
@Tag("unit")
class ReliabilityTest {

    @Test
    void confidencesRightAsOftenAsTheySayHaveNoGap() {
        assertThat(Reliability.print(predictions(0.9, 10, 9))).isCloseTo(0, within(1e-9));
    }

    @Test
    void theGapsOfTheBinsAreWeightedByTheirShareOfPredictions() {
        List<Reliability.Prediction> predictions = new ArrayList<>(predictions(0.95, 10, 9));
        // over-cautious: said 0.55, always right
        predictions.addAll(predictions(0.55, 30, 30));

        assertThat(Reliability.print(predictions)).isCloseTo(0.25 * 0.05 + 0.75 * 0.45, within(1e-9));
    }

    private static List<Reliability.Prediction> predictions(double confidence, int count, int right) {
        List<Reliability.Prediction> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            made.add(new Reliability.Prediction(confidence, i < right));
        }
        return made;
    }
}
