package org.permanence.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

/**
 * Simulated office days (5 seeds, or {@code -Dbench.seed=S} for one) under three ways of giving out work, on the
 * real engine and processes with the engine's clock moved forward: Tasklist's shared queue where the first free
 * secretary claims, a help desk's round-robin, and the office's own policy. The shared queue and round-robin keep
 * the day's fixed focus blocks; ours focuses when the office proposes ({@link ProposedFocus}: the forecast learnt from
 * the same office's previous weeks, the product's planner). Prints each run, then per policy the mean and min–max
 * over the seeds of: deadlines missed, p95 wait of urgent tasks, p95 wait, non-urgent work reaching a secretary in
 * focus, the longest run of difficult calls one secretary got while a colleague was available, the Gini coefficient of
 * the minutes each secretary worked, and the focus minutes planned. Ours runs with the settings users get, then with
 * each {@code -Dbench.max-effort} limit asked for (default: none). Run: {@code mvn -Pbench verify -Dit.test=OfficeDayBenchmark}.
 */
class OfficeDayBenchmark {

    private static final long[] SEEDS = {20261127L, 1, 2, 3, 4};

    @Test
    void officeDaysThreePolicies() {
        long[] seeds = System.getProperty("bench.seed") == null ? SEEDS : new long[]{Long.getLong("bench.seed")};
        // ours as users get it (application.yaml), then with each limit on effort a run asks to try
        List<Map<String, Object>> oursSettings = new ArrayList<>();
        oursSettings.add(Map.of());
        for (String limit : System.getProperty("bench.max-effort", "").split(",")) {
            if (!limit.isBlank()) {
                oursSettings.add(Map.of("permanence.assignment.max-effort", Integer.parseInt(limit.trim())));
            }
        }
        List<Figures> results = new ArrayList<>();
        for (long seed : seeds) {
            OfficeDay day = OfficeDay.generate(seed);
            OfficeDay proposed = day.withFocus(ProposedFocus.of(day, seed));
            System.out.printf("seed=%d secretaries=%d calls=%d paperwork=%d focus proposed to ours: %s%n", seed, day.clientsBySecretary().size(),
                    day.calls().size(), day.paperwork().size(), proposed.periods().stream().filter(period -> period.minutes() != null)
                            .map(period -> period.secretary() + "@" + period.from().toString().substring(11, 16) + "Z+" + period.minutes()).toList());
            for (String name : System.getProperty("bench.policies", "SHARED_QUEUE,ROUND_ROBIN,OURS").split(",")) {
                DayRun.Policy policy = DayRun.Policy.valueOf(name.trim());
                for (Map<String, Object> settings : policy == DayRun.Policy.OURS ? oursSettings : List.<Map<String, Object>>of(Map.of())) {
                    long started = System.nanoTime();
                    Figures figures = new DayRun(policy, policy == DayRun.Policy.OURS ? proposed : day, seed, settings).run();
                    results.add(figures);
                    // each run as it ends: a long run cut short still says what it measured
                    System.out.printf("%s %s seed %d simulated in %d s%n%s%n", policy, settings, seed, (System.nanoTime() - started) / 1_000_000_000L,
                            figures.row());
                }
            }
        }
        System.out.println();
        System.out.println(Figures.header());
        results.forEach(figures -> System.out.println(figures.row()));
        System.out.println("* difficult calls in a row while a colleague serving the client was available (at all)");

        Map<String, List<Figures>> byPolicy = new LinkedHashMap<>();
        results.forEach(figures -> byPolicy.computeIfAbsent(figures.policy(), policy -> new ArrayList<>()).add(figures));
        System.out.printf("%nover %d seed(s) %s: mean [min–max]%n", seeds.length, Arrays.toString(seeds));
        System.out.printf("%-13s %20s %20s %20s %16s %18s %22s %20s%n", "policy", "breaches", "urgent_p95_s", "wait_p95_s", "focus_interrupt",
                "difficult_in_row", "gini", "focus_min");
        byPolicy.forEach((policy, runs) -> System.out.printf("%-13s %20s %20s %20s %16s %18s %22s %20s%n", policy,
                spread(runs, Figures::breaches, "%.1f"), spread(runs, Figures::urgentP95Seconds, "%.0f"), spread(runs, Figures::waitP95Seconds, "%.0f"),
                spread(runs, Figures::interruptions, "%.1f"), spread(runs, Figures::maxDifficultInARowWithColleagueFree, "%.1f"),
                spread(runs, Figures::gini, "%.3f"), spread(runs, Figures::focusMinutes, "%.0f")));

        List<Figures> ours = byPolicy.getOrDefault(DayRun.Policy.OURS.name(), List.of());
        List<Figures> shared = byPolicy.getOrDefault(DayRun.Policy.SHARED_QUEUE.name(), List.of());
        if (ours.size() == shared.size()) {
            // the targets, seed by seed: ours no worse than the shared queue on breaches and urgent waits, and keeping its promises
            for (int i = 0; i < ours.size(); i++) {
                Figures o = ours.get(i);
                Figures s = shared.get(i);
                System.out.printf("seed %d ours: breaches %d vs %d %s, urgent p95 %d s vs %d s %s, focus interruptions %d %s, difficult in a row %d %s, "
                                + "Gini %.3f %s%n", o.seed(), o.breaches(), s.breaches(), met(o.breaches() <= s.breaches()), o.urgentP95Seconds(),
                        s.urgentP95Seconds(), met(o.urgentP95Seconds() <= s.urgentP95Seconds()), o.interruptions(), met(o.interruptions() == 0),
                        o.maxDifficultInARowWithColleagueFree(), met(o.maxDifficultInARowWithColleagueFree() <= 2), o.gini(), met(o.gini() <= 0.10));
            }
        }
        System.out.printf("seeds=%d ours_breaches=%s shared_breaches=%s ours_urgent_p95_s=%s shared_urgent_p95_s=%s focus_interruptions=%d%n",
                seeds.length, mean(ours, Figures::breaches), mean(shared, Figures::breaches), mean(ours, Figures::urgentP95Seconds),
                mean(shared, Figures::urgentP95Seconds), ours.stream().mapToInt(Figures::interruptions).sum());
    }

    private static String met(boolean met) {
        return met ? "(met)" : "(NOT met)";
    }

    private static String mean(List<Figures> runs, ToDoubleFunction<Figures> figure) {
        return String.format("%.1f", runs.stream().mapToDouble(figure).average().orElse(Double.NaN));
    }

    private static String spread(List<Figures> runs, ToDoubleFunction<Figures> figure, String format) {
        double[] values = runs.stream().mapToDouble(figure).toArray();
        return String.format(format + " [" + format + "–" + format + "]", Arrays.stream(values).average().orElse(Double.NaN),
                Arrays.stream(values).min().orElse(Double.NaN), Arrays.stream(values).max().orElse(Double.NaN));
    }
}
