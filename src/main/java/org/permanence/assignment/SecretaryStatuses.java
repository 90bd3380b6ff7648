package org.permanence.assignment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The statuses secretaries set (table {@code secretary_status}), read as they stand now. */
@Repository
public class SecretaryStatuses {

    private final JdbcClient jdbc;

    SecretaryStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public SecretaryStatus of(String userId) {
        return of(List.of(userId)).get(userId);
    }

    /** The status now of each of these people, available for those who never set one. */
    public Map<String, SecretaryStatus> of(Collection<String> userIds) {
        Map<String, SecretaryStatus> statuses = new LinkedHashMap<>();
        userIds.forEach(id -> statuses.put(id, SecretaryStatus.available(id)));
        if (!userIds.isEmpty()) {
            Instant now = Instant.now();
            jdbc.sql("select * from secretary_status where user_id in (:users)").param("users", userIds)
                    .query(SecretaryStatuses::status).list()
                    .forEach(status -> statuses.put(status.userId(), status.at(now)));
        }
        return statuses;
    }

    /** Sets her status; focus and break end after that many minutes. */
    @Transactional
    public SecretaryStatus set(String userId, Status status, Integer minutes) {
        Instant now = Instant.now();
        Timestamp until = status.hasEnd() ? Timestamp.from(now.plusSeconds(60L * minutes)) : null;
        int updated = jdbc.sql("update secretary_status set status = ?, ends_at = ?, updated_at = ? where user_id = ?")
                .params(status.name(), until, Timestamp.from(now), userId).update();
        if (updated == 0) {
            jdbc.sql("insert into secretary_status (user_id, status, ends_at, updated_at) values (?, ?, ?, ?)")
                    .params(userId, status.name(), until, Timestamp.from(now)).update();
        }
        return of(userId);
    }

    private static SecretaryStatus status(ResultSet rs, int row) throws SQLException {
        Timestamp until = rs.getTimestamp("ends_at");
        return new SecretaryStatus(rs.getString("user_id"), Status.valueOf(rs.getString("status")),
                until == null ? null : until.toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
