package org.permanence.assignment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.permanence.people.SignedInUser;
import org.permanence.people.engine.Team;
import org.permanence.system.EngineNode;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Less alone after a difficult call: one free colleague of hers (sharing a client with her, available) is nudged,
 * gently, to check in on her. Never a task and never counted: the nudge is worked out when her header asks, nothing
 * about it is stored but that it was dismissed (the call, and when; not by whom), and it goes by itself after
 * {@link #WITHIN}. One colleague, not the whole team: a nudge everyone sees is a nudge nobody acts on.
 */
@Component
@EngineNode
class CheckIns {

    /** How long after the call a check-in still makes sense. */
    static final Duration WITHIN = Duration.ofMinutes(20);

    /** Her colleague {@code colleague} ({@code name}) had a difficult call ({@code call}) at {@code at}. */
    record Nudge(String colleague, String name, String call, Instant at) {
    }

    /** The office's difficult calls, read from the call records (the moods the assignment policy calls difficult). */
    private record DifficultCall(String id, String handledBy, Instant at) {
    }

    private final JdbcClient jdbc;
    private final Team team;
    private final SecretaryStatuses statuses;
    private final Clock clock = Clock.systemUTC();

    CheckIns(JdbcClient jdbc, Team team, SecretaryStatuses statuses) {
        this.jdbc = jdbc;
        this.team = team;
        this.statuses = statuses;
    }

    /** The nudge for her now, if she is the free colleague of someone whose difficult call was not dismissed yet. */
    Optional<Nudge> of(SignedInUser user) {
        Instant now = clock.instant();
        List<DifficultCall> recent = jdbc.sql("""
                        select c.id, c.handled_by, c.recorded_at from call c
                        where c.recorded_at >= ? and c.mood in (?, ?) and c.handled_by is not null and c.handled_by <> ?
                          and not exists (select 1 from check_in_dismissal d where d.call_id = c.id)
                        order by c.recorded_at desc""")
                .params(Timestamp.from(now.minus(WITHIN)), "angry", "distressed", user.id())
                .query((rs, row) -> new DifficultCall(rs.getString("id"), rs.getString("handled_by"), rs.getTimestamp("recorded_at").toInstant()))
                .list();
        if (recent.isEmpty()) {
            return Optional.empty();
        }
        List<Team.Secretary> everyone = team.everyone();
        Map<String, Team.Secretary> byId = everyone.stream().collect(Collectors.toMap(Team.Secretary::id, Function.identity()));
        Map<String, Status> statusNow = statuses.of(everyone.stream().map(Team.Secretary::id).toList()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().status()));
        return recent.stream()
                .filter(call -> byId.containsKey(call.handledBy()))
                .filter(call -> whoChecksIn(byId.get(call.handledBy()), everyone, statusNow).filter(user.id()::equals).isPresent())
                .findFirst()
                .map(call -> new Nudge(call.handledBy(), byId.get(call.handledBy()).name(), call.id(), call.at()));
    }

    /** She saw it, and will check in or not: the nudge goes, for everyone. Only the nudge she is shown may be dismissed. */
    void dismiss(SignedInUser user, String call) {
        if (of(user).filter(nudge -> nudge.call().equals(call)).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No check-in for you about call '" + call + "'");
        }
        jdbc.sql("insert into check_in_dismissal (call_id, dismissed_at) values (?, ?)").params(call, Timestamp.from(clock.instant())).update();
    }

    /**
     * Who checks in on her: of the secretaries sharing a client with her, the available ones, the first by id — the
     * same one whoever asks, so that exactly one is nudged; nobody when no colleague is free.
     */
    static Optional<String> whoChecksIn(Team.Secretary her, List<Team.Secretary> everyone, Map<String, Status> statusNow) {
        return everyone.stream()
                .filter(colleague -> !colleague.id().equals(her.id()))
                .filter(colleague -> colleague.clients().stream().anyMatch(her.clients()::contains))
                .filter(colleague -> statusNow.get(colleague.id()) == Status.AVAILABLE)
                .map(Team.Secretary::id)
                .min(Comparator.naturalOrder());
    }
}
