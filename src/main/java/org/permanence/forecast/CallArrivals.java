package org.permanence.forecast;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** When each client's phone rang, from the calls table: what the forecast learns from. */
@Repository
class CallArrivals {

    private final JdbcClient jdbc;

    CallArrivals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The calls on a client's line since that moment (unknown lines left out). */
    List<Forecasting.Rang> since(Instant since) {
        return jdbc.sql("select client_id, received_at from call where client_id is not null and received_at >= ?")
                .param(Timestamp.from(since))
                .query((rs, row) -> new Forecasting.Rang(rs.getString("client_id"), rs.getTimestamp("received_at").toInstant())).list();
    }
}
