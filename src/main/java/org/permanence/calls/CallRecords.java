package org.permanence.calls;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.permanence.clients.PhoneNumbers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The calls in the application tables (see db/migration): filed when they ring, recorded once handled. */
@Repository
public class CallRecords {

    static final int PAGE_SIZE = 20;

    private final JdbcClient jdbc;

    public CallRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Files a call a provider announced and answers its id. The same provider call id a second time
     * fails with a {@link org.springframework.dao.DuplicateKeyException}: that is what keeps a call
     * delivered twice from starting two processes.
     */
    public String register(IncomingCall call, String clientId) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                        insert into call (id, business_key, provider, provider_call_id, client_id, dialled_number, caller_number,
                          status, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, call.businessKey(), call.provider(), call.providerCallId(), clientId,
                        line(call.dialledNumber()), normalised(call.callerNumber()), call.status().name(), now())
                .update();
        return id;
    }

    public void linkProcess(String callId, String processInstanceId) {
        jdbc.sql("update call set process_instance_id = ? where id = ?").params(processInstanceId, callId).update();
    }

    /** Moves a filed call's status forward; older news, or news of a call never filed, changes nothing. */
    public boolean progress(String provider, String providerCallId, CallStatus status) {
        List<String> earlier = List.of(CallStatus.values()).subList(0, status.ordinal()).stream().map(Enum::name).toList();
        if (earlier.isEmpty()) {
            return false;
        }
        return jdbc.sql("update call set status = :status where provider = :provider and provider_call_id = :callId and status in (:earlier)")
                .param("status", status.name()).param("provider", provider).param("callId", providerCallId).param("earlier", earlier)
                .update() > 0;
    }

    /**
     * When the call of this process instance rang: filed as the provider announced it, or, for a call
     * noted by hand, as it was noted. Empty before the call has its row.
     */
    public Optional<Instant> rangAt(String processInstanceId) {
        return jdbc.sql("select received_at from call where process_instance_id = ?").param(processInstanceId)
                .query((rs, row) -> rs.getTimestamp(1).toInstant()).optional();
    }

    /** Whether this provider's call has its row, whatever its status. */
    public boolean isFiled(String provider, String providerCallId) {
        return jdbc.sql("select count(*) from call where provider = ? and provider_call_id = ?").params(provider, providerCallId)
                .query(Long.class).single() > 0;
    }

    /**
     * Records what the secretary noted, on the call filed for this process instance, or on a new one
     * for a call logged by hand. Recording the same process instance again rewrites the same row, so
     * a retried worker never makes a second call of one.
     */
    @Transactional
    public void record(HandledCall call) {
        Timestamp now = now();
        int updated = jdbc.sql("""
                        update call set client_id = coalesce(?, client_id), caller_number = coalesce(?, caller_number),
                          caller_name = ?, reason = ?, category = ?, mood = ?, notes = ?, handled_by = ?, recorded_at = ?
                        where process_instance_id = ?""")
                .params(call.clientId(), normalised(call.callerNumber()), call.callerName(), call.reason(), call.category(),
                        call.mood(), call.notes(), call.handledBy(), now, call.processInstanceId())
                .update();
        if (updated == 0) {
            // logged by hand: nobody filed it when it rang, and the secretary evidently took it; it rang as she noted it
            jdbc.sql("""
                            insert into call (id, process_instance_id, business_key, client_id, dialled_number, caller_number, status,
                              received_at, caller_name, reason, category, mood, notes, handled_by, recorded_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID().toString(), call.processInstanceId(), call.businessKey(), call.clientId(),
                            line(call.dialledNumber()), normalised(call.callerNumber()), CallStatus.ANSWERED.name(),
                            call.rangAt() == null ? now : Timestamp.from(call.rangAt()),
                            call.callerName(), call.reason(), call.category(), call.mood(), call.notes(), call.handledBy(), now)
                    .update();
        }
    }

    /**
     * Calls newest first, of these clients ({@code null}: every call, unknown lines included) and,
     * when given, of this caller.
     */
    public CallPage search(List<String> clientIds, String callerNumber, int page) {
        if (clientIds != null && clientIds.isEmpty()) {
            return new CallPage(List.of(), page, PAGE_SIZE, 0);
        }
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (clientIds != null) {
            where.append(" and client_id in (:clients)");
            params.put("clients", clientIds);
        }
        if (callerNumber != null) {
            where.append(" and caller_number = :caller");
            params.put("caller", normalised(callerNumber));
        }
        long total = jdbc.sql("select count(*) from call" + where).params(params).query(Long.class).single();
        params.put("limit", PAGE_SIZE);
        params.put("offset", (long) page * PAGE_SIZE);
        List<Call> calls = jdbc.sql("select * from call" + where + " order by received_at desc, id limit :limit offset :offset")
                .params(params).query(CallRecords::call).list();
        return new CallPage(calls, page, PAGE_SIZE, total);
    }

    /**
     * One client's messages (its handled calls), newest first; with {@code text}, those whose caller, number, reason
     * or notes contain it, whatever the case. Never another client's: the client is part of every query.
     */
    public List<ClientMessage> messagesOf(String clientId, String text, int limit) {
        StringBuilder where = new StringBuilder("where client_id = :client and recorded_at is not null");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("client", clientId);
        if (text != null && !text.isBlank()) {
            where.append(" and (lower(caller_name) like :like escape '!' or lower(reason) like :like escape '!'"
                    + " or lower(notes) like :like escape '!' or caller_number like :like escape '!')");
            params.put("like", "%" + text.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        params.put("limit", limit);
        return jdbc.sql("select * from call " + where + " order by received_at desc, id limit :limit").params(params)
                .query((rs, row) -> new ClientMessage(rs.getString("id"), rs.getTimestamp("received_at").toInstant(),
                        rs.getString("caller_name"), rs.getString("caller_number"), rs.getString("reason"), rs.getString("category"),
                        rs.getString("mood"), rs.getString("notes"), toInstant(rs.getTimestamp("client_handled_at")),
                        rs.getString("client_handled_by")))
                .list();
    }

    /**
     * Marks one of the client's messages as dealt with by one of its people; answers false when the call is no
     * message of this client (another client's, not yet handled, or none), which then stays as it was.
     */
    public boolean markHandledByClient(String clientId, String callId, String userId, Instant at) {
        return jdbc.sql("update call set client_handled_at = ?, client_handled_by = ? where id = ? and client_id = ? and recorded_at is not null")
                .params(Timestamp.from(at), userId, callId, clientId).update() == 1;
    }

    /** A caller's last calls to one client, newest first: what the secretary sees before she answers. */
    public List<Call> lastCallsOf(String clientId, String callerNumber, int limit) {
        String caller = normalised(callerNumber);
        if (caller == null) {
            return List.of();
        }
        return jdbc.sql("select * from call where client_id = ? and caller_number = ? order by received_at desc, id limit ?")
                .params(clientId, caller, limit).query(CallRecords::call).list();
    }

    /**
     * The moods of the last calls this secretary handled, newest first (a mood may be null when she
     * left it out): what the assignment policy needs to spare her a third difficult call in a row.
     */
    public List<String> lastMoodsHandledBy(String userId, int limit) {
        return jdbc.sql("select mood from call where handled_by = ? and recorded_at is not null order by recorded_at desc, id limit ?")
                .params(userId, limit).query((rs, row) -> rs.getString("mood")).list();
    }

    /** The moods of the calls she handled since that moment, newest first: what her last break has not yet rested. */
    public List<String> moodsHandledBySince(String userId, Instant since) {
        return jdbc.sql("select mood from call where handled_by = ? and recorded_at > ? order by recorded_at desc, id")
                .params(userId, Timestamp.from(since)).query((rs, row) -> rs.getString("mood")).list();
    }

    /**
     * Numbers are kept and compared in E.164. What is no phone number (a withheld caller's
     * {@code anonymous}, or anything else a provider or a form sent) is kept as none: a withheld
     * caller is nobody in particular, never matched with another.
     */
    private static String normalised(String number) {
        return PhoneNumbers.e164(number).orElse(null);
    }

    /** The line that rang, in E.164 when it is a number; a provider's line is never withheld, and an unknown one still lands for the managers. */
    private static String line(String number) {
        return number == null ? null : PhoneNumbers.e164(number).orElse(number);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private static Call call(ResultSet rs, int row) throws SQLException {
        return new Call(rs.getString("id"), rs.getString("process_instance_id"), rs.getString("business_key"),
                rs.getString("provider"), rs.getString("provider_call_id"), rs.getString("client_id"),
                rs.getString("dialled_number"), rs.getString("caller_number"), CallStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("received_at").toInstant(), rs.getString("caller_name"), rs.getString("reason"),
                rs.getString("category"), rs.getString("mood"), rs.getString("notes"), toInstant(rs.getTimestamp("recorded_at")));
    }

    private static Instant toInstant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
