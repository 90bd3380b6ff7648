package org.permanence.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** How long each kind of a client's records is kept: the client's own days where its managers set them, else the office's. */
@Repository
public class Retention {

    /** Above this a "retention" is no longer one: a typing slip (36500 for 365) must not keep records forever. */
    static final int MAX_DAYS = 3660 * 3;

    private final JdbcClient jdbc;
    private final PrivacyProperties defaults;

    Retention(JdbcClient jdbc, PrivacyProperties defaults) {
        this.jdbc = jdbc;
        this.defaults = defaults;
    }

    /** Days kept by kind, for this client. */
    public Map<RecordKind, Integer> of(String clientId) {
        Map<RecordKind, Integer> days = new EnumMap<>(defaults.retentionDays());
        jdbc.sql("select kind, days from client_retention where client_id = ?").param(clientId)
                .query((rs, row) -> Map.entry(RecordKind.valueOf(rs.getString("kind")), rs.getInt("days")))
                .list().forEach(own -> days.put(own.getKey(), own.getValue()));
        return days;
    }

    /** The longest any client keeps this kind of record, its own days or the office's. */
    public int longest(RecordKind kind) {
        int own = jdbc.sql("select coalesce(max(days), 0) from client_retention where kind = ?").param(kind.name())
                .query(Integer.class).single();
        return Math.max(own, defaults.retentionDays().get(kind));
    }

    /** The client's own days, replacing those it had; a kind left out follows the office again. */
    @Transactional
    public void set(String clientId, Map<RecordKind, Integer> days, String by) {
        jdbc.sql("delete from client_retention where client_id = ?").param(clientId).update();
        Timestamp now = Timestamp.from(Instant.now());
        days.forEach((kind, kept) -> jdbc.sql(
                        "insert into client_retention (client_id, kind, days, updated_by, updated_at) values (?, ?, ?, ?, ?)")
                .params(clientId, kind.name(), kept, by, now).update());
    }

    public PrivacyProperties defaults() {
        return defaults;
    }
}
