package org.permanence.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * One simulated office day (seeded: {@code -Dbench.seed}) under three ways of giving out work, on the
 * real engine and processes with the engine's clock moved forward: Tasklist's shared queue where the
 * first free secretary claims, a help desk's round-robin, and the office's own policy. Prints, per
 * policy: deadlines missed, p95 wait of urgent tasks, non-urgent work reaching a secretary in focus,
 * the longest run of difficult calls one secretary got while a colleague was available (in brackets:
 * at all), the Gini coefficient of the minutes each secretary worked, and why each deadline was missed. Ours runs with the
 * settings users get, then with each {@code -Dbench.max-effort} limit (default 0: none, to show what the shipped limit buys). Run: {@code mvn -Pbench verify -Dit.test=OfficeDayBenchmark}.
 */
class OfficeDayBenchmark {

    @Test
    void oneDayThreePolicies() {
        long seed = Long.getLong("bench.seed", 20261127L);
        OfficeDay day = OfficeDay.generate(seed);
        List<Figures> results = new ArrayList<>();
        // ours as users get it (application.yaml), then with each limit on effort a run asks to try (by default none at all)
        List<Map<String, Object>> oursSettings = new ArrayList<>();
        oursSettings.add(Map.of());
        for (String limit : System.getProperty("bench.max-effort", "0").split(",")) {
            if (!limit.isBlank()) {
                oursSettings.add(Map.of("permanence.assignment.max-effort", Integer.parseInt(limit.trim())));
            }
        }
        for (String name : System.getProperty("bench.policies", "SHARED_QUEUE,ROUND_ROBIN,OURS").split(",")) {
            DayRun.Policy policy = DayRun.Policy.valueOf(name.trim());
            for (Map<String, Object> settings : policy == DayRun.Policy.OURS ? oursSettings : List.<Map<String, Object>>of(Map.of())) {
                long started = System.nanoTime();
                results.add(new DayRun(policy, day, seed, settings).run());
                System.out.printf("%s %s simulated in %d s%n", policy, settings, (System.nanoTime() - started) / 1_000_000_000L);
            }
        }
        System.out.printf("%nseed=%d secretaries=%d calls=%d paperwork=%d%n", seed, day.clientsBySecretary().size(), day.calls().size(),
                day.paperwork().size());
        System.out.println(Figures.header());
        results.forEach(figures -> System.out.println(figures.row()));
        System.out.println("* difficult calls in a row while a colleague serving the client was available (at all)");
    }
}
