package org.permanence.clients;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code client_absence} table (db/migration V27): at most one absence per client, replaced when it is set
 * again. One that has ended is never answered, so nobody needs to clear it: it ends by itself.
 */
@Repository
public class ClientAbsences {

    private final JdbcClient jdbc;

    public ClientAbsences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void set(ClientAbsence absence) {
        end(absence.clientId());
        jdbc.sql("insert into client_absence (client_id, message, urgent_to, ends_at, set_by, set_at) values (?, ?, ?, ?, ?, ?)")
                .params(absence.clientId(), absence.message(), absence.urgentTo(), Timestamp.from(absence.endsAt()), absence.setBy(),
                        Timestamp.from(absence.setAt()))
                .update();
    }

    public void end(String clientId) {
        jdbc.sql("delete from client_absence where client_id = ?").param(clientId).update();
    }

    /** The client's absence running at that moment, if any. */
    public Optional<ClientAbsence> at(String clientId, Instant moment) {
        return jdbc.sql("select * from client_absence where client_id = ? and ends_at > ?")
                .params(clientId, Timestamp.from(moment))
                .query((rs, row) -> new ClientAbsence(rs.getString("client_id"), rs.getString("message"), rs.getString("urgent_to"),
                        rs.getTimestamp("ends_at").toInstant(), rs.getString("set_by"), rs.getTimestamp("set_at").toInstant()))
                .optional();
    }
}
