package org.permanence.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one policy did to the day: deadlines missed, urgent waits, focus broken, difficult streaks, fairness. */
final class Figures {

    private static final int URGENT = 90;

    private final String policy;
    private final long seed;
    private int focusMinutes;
    private int tasks;
    private int breaches;
    private int unfinished;
    private final List<Long> urgentWaitsSeconds = new ArrayList<>();
    private final List<Long> waitsSeconds = new ArrayList<>();
    private int interruptions;
    private int maxDifficultInARow;
    private int maxDifficultInARowWithColleagueFree;
    private final Map<String, Duration> effort = new LinkedHashMap<>();
    private final Map<String, Integer> breachesByType = new TreeMap<>();
    private final Map<String, Integer> breachesByCause = new TreeMap<>();

    /** Who of the client's secretaries was idle when a task appeared. */
    enum Free { AVAILABLE, ONLY_IN_FOCUS, NOBODY }

    Figures(String policy, long seed) {
        this.policy = policy;
        this.seed = seed;
    }

    String policy() {
        return policy;
    }

    long seed() {
        return seed;
    }

    /** The minutes of focus the secretaries had planned that day, so that a policy is never credited for taking them away. */
    void focusPlanned(int minutes) {
        focusMinutes = minutes;
    }

    int focusMinutes() {
        return focusMinutes;
    }

    long waitP95Seconds() {
        return percentile(waitsSeconds, 0.95);
    }

    void task(String type, int priority, Instant created, Instant started, Instant done, Instant due, Free freeWhenCreated) {
        tasks++;
        if (done == null || done.isAfter(due)) {
            breaches++;
            breachesByType.merge(type, 1, Integer::sum);
            breachesByCause.merge(causeOfBreach(created, started, done, due, freeWhenCreated), 1, Integer::sum);
        }
        if (done == null) {
            unfinished++;
            return;
        }
        long wait = Duration.between(created, started).toSeconds();
        waitsSeconds.add(wait);
        if (priority >= URGENT) {
            urgentWaitsSeconds.add(wait);
        }
    }

    /** Why it was late: no wait could have saved it, or it waited while someone was idle (in focus or not), or everyone was busy or away. */
    private static String causeOfBreach(Instant created, Instant started, Instant done, Instant due, Free freeWhenCreated) {
        if (done != null && created.plus(Duration.between(started, done)).isAfter(due)) {
            return "longer-than-due";
        }
        return switch (freeWhenCreated) {
            case AVAILABLE -> "waited-while-someone-available-idle";
            case ONLY_IN_FOCUS -> "waited-only-focus-idle";
            case NOBODY -> "waited-all-busy-or-away";
        };
    }

    void interruption() {
        interruptions++;
    }

    void difficultInARow(int run, boolean colleagueFree) {
        maxDifficultInARow = Math.max(maxDifficultInARow, run);
        if (colleagueFree) {
            maxDifficultInARowWithColleagueFree = Math.max(maxDifficultInARowWithColleagueFree, run);
        }
    }

    void effort(String secretary, Duration worked) {
        effort.put(secretary, worked);
    }

    int breaches() {
        return breaches;
    }

    long urgentP95Seconds() {
        return percentile(urgentWaitsSeconds, 0.95);
    }

    int interruptions() {
        return interruptions;
    }

    int maxDifficultInARowWithColleagueFree() {
        return maxDifficultInARowWithColleagueFree;
    }

    /** 0: everyone worked as much; 1: one did everything. */
    double gini() {
        List<Long> minutes = effort.values().stream().map(Duration::toMinutes).sorted().toList();
        double sum = minutes.stream().mapToLong(Long::longValue).sum();
        if (sum == 0) {
            return 0;
        }
        double weighted = 0;
        for (int i = 0; i < minutes.size(); i++) {
            weighted += (2.0 * (i + 1) - minutes.size() - 1) * minutes.get(i);
        }
        return weighted / (minutes.size() * sum);
    }

    static String header() {
        return String.format("%-13s %10s %6s %9s %14s %10s %15s %17s %6s %9s  %s", "policy", "seed", "tasks", "breaches", "urgent_p95_s",
                "wait_p95_s", "focus_interrupt", "difficult_in_row*", "gini", "focus_min", "minutes worked per secretary");
    }

    String row() {
        return String.format("%-13s %10d %6d %9d %14d %10d %15d %17s %6.3f %9d  %s", policy, seed, tasks, breaches, urgentP95Seconds(),
                waitP95Seconds(), interruptions, maxDifficultInARowWithColleagueFree + " (" + maxDifficultInARow + ")", gini(), focusMinutes,
                effort.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().toMinutes()).toList()
                        + " breaches " + breachesByType + " " + breachesByCause + (unfinished > 0 ? " unfinished=" + unfinished : ""));
    }

    private static long percentile(List<Long> values, double rank) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.ceil(rank * sorted.size()) - 1);
    }
}
