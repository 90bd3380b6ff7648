package org.permanence.forecast;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.permanence.assignment.SecretaryStatus;
import org.permanence.assignment.SecretaryStatuses;
import org.permanence.assignment.Status;
import org.permanence.assignment.WorkingHours;
import org.permanence.people.SignedInUser;
import org.permanence.people.engine.Team;
import org.permanence.system.EngineNode;
import org.permanence.system.FieldProblem;
import org.permanence.system.InvalidRequest;
import org.springframework.stereotype.Component;

/**
 * A secretary's focus blocks for the rest of today: those the office proposes in her clients' quiet hours, around
 * her colleagues' accepted blocks, breaks and hours off; those she accepted, each with what it will likely cost. She
 * accepts one, moves it (accepts another start, at a peak too, and is told the cost), or refuses it.
 */
@Component
@EngineNode
public class FocusProposals {

    /** How many blocks are proposed at once. */
    static final int PROPOSED = 3;

    /** A block as she sees it: {@code leavesShort}, the first moment it would leave one of her clients or the team short. */
    public record Block(Instant starts, Instant ends, double expectedCalls, Shortfall leavesShort) {
    }

    /** {@code client}: one of hers, or null for the team as a whole. */
    public record Shortfall(Instant at, String client, int needed, int left) {
    }

    public record Today(List<Block> proposed, List<Block> accepted) {
    }

    private final OfficeForecast forecasts;
    private final FocusBlocks blocks;
    private final Team team;
    private final SecretaryStatuses statuses;
    private final ForecastProperties properties;
    private final Clock clock;

    FocusProposals(OfficeForecast forecasts, FocusBlocks blocks, Team team, SecretaryStatuses statuses, ForecastProperties properties) {
        this.forecasts = forecasts;
        this.blocks = blocks;
        this.team = team;
        this.statuses = statuses;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    public Today today(SignedInUser user) {
        Day day = dayOf(user);
        List<FocusBlocks.Decided> decided = blocks.between(day.from, day.until).stream().filter(block -> block.userId().equals(user.id())).toList();
        List<Absence> planned = new ArrayList<>(day.planned);
        // a refused block stays out: she is never proposed it again
        decided.stream().filter(block -> block.decision().equals(FocusBlocks.REFUSED))
                .forEach(block -> planned.add(new Absence(user.id(), block.starts(), block.ends())));
        List<Block> proposed = day.planner.propose(user.id(), day.clientsBySecretary, planned, day.from, day.until, PROPOSED).stream()
                .map(block -> new Block(block.starts(), block.ends(), block.expectedCalls(), null)).toList();
        List<Block> accepted = decided.stream().filter(block -> block.decision().equals(FocusBlocks.ACCEPTED))
                .map(block -> costed(user, day, block.starts(), block.ends())).toList();
        return new Today(proposed, accepted);
    }

    /** She accepts the block starting then ({@code instead}: the start of her accepted block she moves). */
    public Block accept(SignedInUser user, String starts, String instead) {
        Day day = dayOf(user);
        Instant from = startOf(starts, day);
        Instant to = from.plus(Duration.ofMinutes(properties.focusMinutes()));
        if (instead != null) {
            blocks.forget(user.id(), startOf(instead, day));
        }
        blocks.decide(user.id(), from, to, FocusBlocks.ACCEPTED, clock.instant());
        return costed(user, dayOf(user), from, to);
    }

    public void refuse(SignedInUser user, String starts) {
        Day day = dayOf(user);
        Instant from = startOf(starts, day);
        blocks.decide(user.id(), from, from.plus(Duration.ofMinutes(properties.focusMinutes())), FocusBlocks.REFUSED, clock.instant());
    }

    private Block costed(SignedInUser user, Day day, Instant starts, Instant ends) {
        // her own block is not an absence that makes her block look short
        List<Absence> others = day.planned.stream().filter(absence -> !(absence.secretary().equals(user.id()) && absence.from().equals(starts))).toList();
        FocusPlanner.Cost cost = day.planner.cost(user.id(), day.clientsBySecretary, others, starts, ends);
        return new Block(starts, ends, cost.expectedCalls(), cost.shortfall().map(shortfall -> new Shortfall(shortfall.at(),
                // another client than hers is named to nobody: the team is short
                shortfall.client() != null && user.serves(shortfall.client()) ? shortfall.client() : null,
                shortfall.needed(), shortfall.left())).orElse(null));
    }

    /** A start she sends: a quarter-hour of today, not past, whole block before midnight. */
    private Instant startOf(String starts, Day day) {
        Instant from;
        try {
            from = Instant.parse(starts == null ? "" : starts);
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(List.of(FieldProblem.of("starts", "focusBlock.starts.notATime", "the start of the block, as 2026-12-07T14:30:00Z")));
        }
        if (from.getEpochSecond() % 900 != 0) {
            throw new InvalidRequest(List.of(FieldProblem.of("starts", "focusBlock.starts.notAQuarterHour", "blocks start on a quarter-hour (:00, :15, :30, :45)")));
        }
        if (from.isBefore(day.from.minus(LoadForecast.QUARTER_HOUR)) || from.plus(Duration.ofMinutes(properties.focusMinutes())).isAfter(day.until)) {
            throw new InvalidRequest(List.of(FieldProblem.of("starts", "focusBlock.starts.notToday",
                    "a block of " + properties.focusMinutes() + " minutes between now and the end of today", properties.focusMinutes())));
        }
        return from;
    }

    /** Today from now, as the office plans it: its forecast, the team serving her clients, who is off the phone when. */
    private record Day(Instant from, Instant until, Map<String, List<String>> clientsBySecretary, List<Absence> planned, FocusPlanner planner) {
    }

    private Day dayOf(SignedInUser user) {
        ZoneId zone = properties.timeZone();
        Instant now = clock.instant();
        Instant until = LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, List<String>> clientsBySecretary = new LinkedHashMap<>();
        team.serving(user.clients()).forEach(secretary -> clientsBySecretary.put(secretary.id(), secretary.clients()));
        clientsBySecretary.putIfAbsent(user.id(), user.clients());
        List<Absence> planned = new ArrayList<>();
        blocks.between(now.minus(Duration.ofMinutes(properties.focusMinutes())), until).stream()
                .filter(block -> block.decision().equals(FocusBlocks.ACCEPTED) && clientsBySecretary.containsKey(block.userId()))
                .forEach(block -> planned.add(new Absence(block.userId(), block.starts(), block.ends())));
        Map<String, SecretaryStatus> statusNow = statuses.of(clientsBySecretary.keySet());
        statusNow.values().forEach(status -> {
            if ((status.status() == Status.FOCUS || status.status() == Status.BREAK) && status.until() != null) {
                planned.add(new Absence(status.userId(), now, status.until()));
            }
        });
        clientsBySecretary.keySet().forEach(secretary -> planned.addAll(hoursOff(secretary, statuses.hoursOf(secretary), now, until, zone)));
        return new Day(now, until, clientsBySecretary, planned, new FocusPlanner(forecasts.now(), properties));
    }

    /** The quarter-hours of the rest of today outside her working hours (none when she set no hours). */
    private static List<Absence> hoursOff(String secretary, WorkingHours hours, Instant now, Instant until, ZoneId zone) {
        List<Absence> off = new ArrayList<>();
        Instant at = now.minusSeconds(now.getEpochSecond() % 900);
        for (; at.isBefore(until); at = at.plus(LoadForecast.QUARTER_HOUR)) {
            if (!hours.cover(at, zone)) {
                off.add(new Absence(secretary, at, at.plus(LoadForecast.QUARTER_HOUR)));
            }
        }
        return off;
    }
}
