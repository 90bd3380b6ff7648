package org.permanence.proposals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The proposals and their decisions (table {@code client_proposal}, V31); nothing is deleted but with its client. */
@Repository
class ProposalRecords {

    private final JdbcClient jdbc;

    ProposalRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Proposal proposal) {
        jdbc.sql("""
                        insert into client_proposal (id, client_id, subject, before_value, proposed_value, reason, proposed_by, proposed_at, state)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(proposal.id(), proposal.clientId(), proposal.subject().name(), proposal.before(), proposal.proposed(),
                        proposal.reason(), proposal.proposedBy(), Timestamp.from(proposal.proposedAt()), proposal.state().name())
                .update();
    }

    Optional<Proposal> find(String id) {
        return jdbc.sql("select * from client_proposal where id = ?").param(id).query(ProposalRecords::proposal).optional();
    }

    /** Hers, newest first. */
    List<Proposal> by(String secretary, int limit) {
        return jdbc.sql("select * from client_proposal where proposed_by = ? order by proposed_at desc limit ?").params(secretary, limit)
                .query(ProposalRecords::proposal).list();
    }

    /** Those waiting for a manager, oldest first: the first proposed is the first read. */
    List<Proposal> pending() {
        return jdbc.sql("select * from client_proposal where state = ? order by proposed_at").param(Proposal.State.PENDING.name())
                .query(ProposalRecords::proposal).list();
    }

    /** The last decided, newest first: the history managers see under the waiting ones. */
    List<Proposal> decided(int limit) {
        return jdbc.sql("select * from client_proposal where state <> ? order by decided_at desc limit ?")
                .params(Proposal.State.PENDING.name(), limit).query(ProposalRecords::proposal).list();
    }

    /** Records the decision if the proposal still waits for one; false when another manager decided first. */
    boolean decide(String id, Proposal.State state, String manager, Instant at, String answer) {
        return jdbc.sql("update client_proposal set state = ?, decided_by = ?, decided_at = ?, answer = ? where id = ? and state = ?")
                .params(state.name(), manager, Timestamp.from(at), answer, id, Proposal.State.PENDING.name()).update() == 1;
    }

    private static Proposal proposal(ResultSet rs, int row) throws SQLException {
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new Proposal(rs.getString("id"), rs.getString("client_id"), Subject.valueOf(rs.getString("subject")),
                rs.getString("before_value"), rs.getString("proposed_value"), rs.getString("reason"), rs.getString("proposed_by"),
                rs.getTimestamp("proposed_at").toInstant(), Proposal.State.valueOf(rs.getString("state")), rs.getString("decided_by"),
                decidedAt == null ? null : decidedAt.toInstant(), rs.getString("answer"));
    }
}
