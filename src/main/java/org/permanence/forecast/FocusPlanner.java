package org.permanence.forecast;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a secretary's focus blocks cost the least: in the quiet hours of her clients, when she is at work,
 * and never where taking her off the phone would leave a client or the team short ({@link Coverage}), given
 * who else is already planned off the phone. And what a block she picks herself will likely cost.
 */
public final class FocusPlanner {

    /** A focus block: from {@code starts} to {@code ends}, during which her clients are expected to ring {@code expectedCalls} times. */
    public record Block(Instant starts, Instant ends, double expectedCalls) {
    }

    /** What a block will likely cost: her clients' calls expected during it, and the first moment it leaves someone short, if any. */
    public record Cost(double expectedCalls, Optional<Coverage.Shortfall> shortfall) {
    }

    private final LoadForecast forecast;
    private final Coverage coverage;
    private final Duration length;

    public FocusPlanner(LoadForecast forecast, ForecastProperties properties) {
        this.forecast = forecast;
        this.coverage = new Coverage(forecast, properties);
        this.length = Duration.ofMinutes(properties.focusMinutes());
    }

    /**
     * Up to {@code count} blocks for her between {@code from} and {@code until}, quietest first, not overlapping each other,
     * her planned absences, or a moment where the team would be short without her.
     */
    public List<Block> propose(String secretary, Map<String, List<String>> clientsBySecretary, List<Absence> planned, Instant from,
                               Instant until, int count) {
        List<Block> candidates = new ArrayList<>();
        for (Instant starts = nextQuarterHour(from); !starts.plus(length).isAfter(until); starts = starts.plus(LoadForecast.QUARTER_HOUR)) {
            Instant ends = starts.plus(length);
            if (isFree(secretary, planned, starts, ends) && firstShortfall(secretary, clientsBySecretary, planned, starts, ends).isEmpty()) {
                candidates.add(new Block(starts, ends, expectedCalls(clientsBySecretary.get(secretary), starts, ends)));
            }
        }
        candidates.sort(Comparator.comparingDouble(Block::expectedCalls).thenComparing(Block::starts));
        List<Block> chosen = new ArrayList<>();
        for (Block candidate : candidates) {
            if (chosen.size() == count) {
                break;
            }
            if (chosen.stream().noneMatch(block -> candidate.starts().isBefore(block.ends()) && block.starts().isBefore(candidate.ends()))) {
                chosen.add(candidate);
            }
        }
        return chosen;
    }

    /** What focusing from {@code starts} to {@code ends} will likely cost, wherever she puts it. */
    public Cost cost(String secretary, Map<String, List<String>> clientsBySecretary, List<Absence> planned, Instant starts, Instant ends) {
        return new Cost(expectedCalls(clientsBySecretary.get(secretary), starts, ends),
                firstShortfall(secretary, clientsBySecretary, planned, starts, ends));
    }

    private double expectedCalls(List<String> clients, Instant starts, Instant ends) {
        return clients.stream().mapToDouble(client -> forecast.expectedCalls(client, starts, ends)).sum();
    }

    private static boolean isFree(String secretary, List<Absence> planned, Instant starts, Instant ends) {
        return planned.stream().noneMatch(absence -> absence.secretary().equals(secretary)
                && absence.from().isBefore(ends) && starts.isBefore(absence.to()));
    }

    /** The first quarter-hour of the block at which the team, without her and those planned off, would be short. */
    private Optional<Coverage.Shortfall> firstShortfall(String secretary, Map<String, List<String>> clientsBySecretary, List<Absence> planned,
                                                        Instant starts, Instant ends) {
        for (Instant at = starts; at.isBefore(ends); at = at.plus(LoadForecast.QUARTER_HOUR)) {
            Set<String> offPhone = new HashSet<>(Set.of(secretary));
            Instant moment = at;
            planned.stream().filter(absence -> absence.covers(moment)).map(Absence::secretary).forEach(offPhone::add);
            Optional<Coverage.Shortfall> shortfall = coverage.shortAt(at, clientsBySecretary, offPhone);
            if (shortfall.isPresent()) {
                return shortfall;
            }
        }
        return Optional.empty();
    }

    private static Instant nextQuarterHour(Instant from) {
        Instant hour = from.truncatedTo(ChronoUnit.HOURS);
        long quarters = (long) Math.ceil(Duration.between(hour, from).toSeconds() / 900.0);
        return hour.plus(LoadForecast.QUARTER_HOUR.multipliedBy(quarters));
    }
}
