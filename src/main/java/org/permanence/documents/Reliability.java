package org.permanence.documents;

import java.util.List;
import java.util.Locale;

/**
 * Whether confidences mean what they say: test predictions in ten bins of confidence, each bin's
 * mean confidence against its accuracy, and the expected calibration error (ECE: the bins' gaps
 * weighted by their share of predictions). For the evaluation command.
 */
final class Reliability {

    private static final int BINS = 10;

    /** A prediction's confidence and whether it was right. */
    record Prediction(double confidence, boolean right) {
    }

    private Reliability() {
    }

    /** Prints the table and answers the ECE. */
    static double print(List<Prediction> predictions) {
        int[] count = new int[BINS];
        double[] confidence = new double[BINS];
        int[] right = new int[BINS];
        for (Prediction p : predictions) {
            int bin = Math.min((int) (p.confidence() * BINS), BINS - 1);
            count[bin]++;
            confidence[bin] += p.confidence();
            right[bin] += p.right() ? 1 : 0;
        }
        System.out.println("confidence   files  mean conf.  accuracy  gap");
        double ece = 0;
        for (int bin = 0; bin < BINS; bin++) {
            if (count[bin] == 0) {
                continue;
            }
            double mean = confidence[bin] / count[bin];
            double accuracy = right[bin] / (double) count[bin];
            ece += count[bin] / (double) predictions.size() * Math.abs(mean - accuracy);
            System.out.printf(Locale.ROOT, "%.1f–%.1f    %5d  %.3f       %.3f     %+.3f%n", bin / (double) BINS, (bin + 1) / (double) BINS,
                    count[bin], mean, accuracy, accuracy - mean);
        }
        System.out.printf(Locale.ROOT, "expected calibration error (ECE) %.4f over %d predictions%n", ece, predictions.size());
        return ece;
    }
}
