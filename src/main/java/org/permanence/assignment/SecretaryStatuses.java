package org.permanence.assignment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statuses secretaries set (table {@code secretary_status}) and their working hours (table
 * {@code working_hours}), read as they stand now: outside her working hours a secretary is away.
 */
@Repository
public class SecretaryStatuses {

    /** Why a break was taken: after a difficult call it is protected, and not held against her. */
    static final String AFTER_DIFFICULT_CALL = "AFTER_DIFFICULT_CALL";

    private final JdbcClient jdbc;
    private final SecretaryDayProperties day;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Autowired
    SecretaryStatuses(JdbcClient jdbc, SecretaryDayProperties day, ApplicationEventPublisher events) {
        this(jdbc, day, events, Clock.systemUTC());
    }

    /** With the clock of a simulated day. */
    public SecretaryStatuses(JdbcClient jdbc, SecretaryDayProperties day, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.day = day;
        this.events = events;
        this.clock = clock;
    }

    public SecretaryStatus of(String userId) {
        return of(List.of(userId)).get(userId);
    }

    /** The status now of each of these people: available for those who never set one, away outside their hours. */
    public Map<String, SecretaryStatus> of(Collection<String> userIds) {
        Map<String, SecretaryStatus> statuses = new LinkedHashMap<>();
        userIds.forEach(id -> statuses.put(id, SecretaryStatus.available(id)));
        if (userIds.isEmpty()) {
            return statuses;
        }
        Instant now = clock.instant();
        jdbc.sql("select * from secretary_status where user_id in (:users)").param("users", userIds)
                .query(SecretaryStatuses::status).list()
                .forEach(status -> statuses.put(status.userId(), status.at(now)));
        hoursOf(userIds).forEach((id, hours) -> {
            if (!hours.cover(now, day.timeZone())) {
                statuses.put(id, new SecretaryStatus(id, Status.AWAY, null, statuses.get(id).updatedAt()));
            }
        });
        return statuses;
    }

    /** Sets her status; focus and break end after that many minutes. */
    @Transactional
    public SecretaryStatus set(String userId, Status status, Integer minutes) {
        return set(userId, status, minutes, null);
    }

    /** A break after a difficult call: nothing reaches her, and it is kept apart from her other breaks. */
    @Transactional
    public SecretaryStatus takeProtectedBreak(String userId, int minutes) {
        return set(userId, Status.BREAK, minutes, AFTER_DIFFICULT_CALL);
    }

    private SecretaryStatus set(String userId, Status status, Integer minutes, String breakReason) {
        Instant now = clock.instant();
        Timestamp until = status.hasEnd() ? Timestamp.from(now.plusSeconds(60L * minutes)) : null;
        Timestamp breakStarted = status == Status.BREAK ? Timestamp.from(now) : null;
        int updated = jdbc.sql("""
                        update secretary_status set status = ?, ends_at = ?, updated_at = ?,
                            last_break_at = coalesce(?, last_break_at), break_reason = ? where user_id = ?""")
                .params(status.name(), until, Timestamp.from(now), breakStarted, breakReason, userId).update();
        if (updated == 0) {
            jdbc.sql("insert into secretary_status (user_id, status, ends_at, updated_at, last_break_at, break_reason) values (?, ?, ?, ?, ?, ?)")
                    .params(userId, status.name(), until, Timestamp.from(now), breakStarted, breakReason).update();
        }
        events.publishEvent(new StatusChanged(userId, status, until == null ? null : until.toInstant()));
        return of(userId);
    }

    /** When her last break began; empty if she never took one. */
    public Optional<Instant> lastBreakOf(String userId) {
        return jdbc.sql("select last_break_at from secretary_status where user_id = ?").param(userId)
                .query((rs, row) -> rs.getTimestamp("last_break_at")).optional().map(Timestamp::toInstant);
    }

    /** Whether her current break is a protected one, taken after a difficult call. */
    public boolean onProtectedBreak(String userId) {
        return of(userId).status() == Status.BREAK && jdbc.sql("select break_reason from secretary_status where user_id = ?")
                .param(userId).query((rs, row) -> Optional.ofNullable(rs.getString("break_reason"))).optional()
                .flatMap(reason -> reason).filter(AFTER_DIFFICULT_CALL::equals).isPresent();
    }

    public WorkingHours hoursOf(String userId) {
        return hoursOf(List.of(userId)).getOrDefault(userId, new WorkingHours(List.of()));
    }

    /** Replaces her working hours; an empty list removes them. */
    @Transactional
    public WorkingHours setHours(String userId, WorkingHours hours) {
        jdbc.sql("delete from working_hours where user_id = ?").param(userId).update();
        hours.hours().forEach(range -> jdbc.sql("insert into working_hours (user_id, day_of_week, starts_at, ends_at) values (?, ?, ?, ?)")
                .params(userId, range.day().name(), Time.valueOf(range.starts()), Time.valueOf(range.ends())).update());
        return hoursOf(userId);
    }

    private Map<String, WorkingHours> hoursOf(Collection<String> userIds) {
        Map<String, List<WorkingHours.Range>> ranges = new HashMap<>();
        jdbc.sql("select * from working_hours where user_id in (:users) order by user_id, day_of_week, starts_at").param("users", userIds)
                .query((rs, row) -> Map.entry(rs.getString("user_id"), new WorkingHours.Range(DayOfWeek.valueOf(rs.getString("day_of_week")),
                        rs.getTime("starts_at").toLocalTime(), rs.getTime("ends_at").toLocalTime())))
                .list().forEach(entry -> ranges.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
        Map<String, WorkingHours> hours = new HashMap<>();
        ranges.forEach((id, list) -> hours.put(id, new WorkingHours(list)));
        return hours;
    }

    private static SecretaryStatus status(ResultSet rs, int row) throws SQLException {
        Timestamp until = rs.getTimestamp("ends_at");
        return new SecretaryStatus(rs.getString("user_id"), Status.valueOf(rs.getString("status")),
                until == null ? null : until.toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
