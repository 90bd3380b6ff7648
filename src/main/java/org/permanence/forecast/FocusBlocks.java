package org.permanence.forecast;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The focus blocks secretaries accepted or refused (table {@code focus_block}). */
@Repository
class FocusBlocks {

    static final String ACCEPTED = "ACCEPTED";
    static final String REFUSED = "REFUSED";

    /** One decision on a block. */
    record Decided(String userId, Instant starts, Instant ends, String decision) {
    }

    private final JdbcClient jdbc;

    FocusBlocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every decision on blocks starting from one moment to another. */
    List<Decided> between(Instant from, Instant to) {
        return jdbc.sql("select * from focus_block where starts_at >= ? and starts_at < ? order by starts_at, user_id")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, row) -> new Decided(rs.getString("user_id"), rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at").toInstant(), rs.getString("decision"))).list();
    }

    /** Records her decision on the block starting then, replacing any earlier one on it. */
    @Transactional
    void decide(String userId, Instant starts, Instant ends, String decision, Instant now) {
        jdbc.sql("delete from focus_block where user_id = ? and starts_at = ?").params(userId, Timestamp.from(starts)).update();
        jdbc.sql("insert into focus_block (user_id, starts_at, ends_at, decision, decided_at) values (?, ?, ?, ?, ?)")
                .params(userId, Timestamp.from(starts), Timestamp.from(ends), decision, Timestamp.from(now)).update();
    }

    /** Forgets her accepted block starting then: she moved it. */
    void forget(String userId, Instant starts) {
        jdbc.sql("delete from focus_block where user_id = ? and starts_at = ? and decision = ?").params(userId, Timestamp.from(starts), ACCEPTED).update();
    }
}
