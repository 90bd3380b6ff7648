package org.permanence.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.permanence.system.PersonalDataRead;
import org.permanence.system.PersonalDataRead.Item;
import org.permanence.system.PersonalDataRead.Way;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who read which call, document or mail, and when: written before the content is handed over, so a read
 * that could not be logged does not happen. Items are named by id only; the log says nothing of the caller.
 */
@Repository
public class AccessLog {

    public record Entry(String clientId, String reader, Instant readAt, Item item, String itemId, Way way) {
    }

    private final JdbcClient jdbc;

    AccessLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the reader's thread and transaction: a read whose entry cannot be written fails with it. */
    @EventListener
    void read(PersonalDataRead read) {
        read(read.reader(), read.clientId(), read.item(), read.itemId(), read.way());
    }

    private void read(String userId, String clientId, Item item, String itemId, Way way) {
        jdbc.sql("insert into access_log (id, client_id, reader, read_at, kind, item_id, way) values (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), clientId, userId, Timestamp.from(Instant.now()), item.name(), itemId, way.name())
                .update();
    }

    /** The client's latest reads, newest first; of these items only when {@code itemIds} is given. */
    public List<Entry> ofClient(String clientId, Collection<String> itemIds, int limit) {
        if (itemIds != null && itemIds.isEmpty()) {
            return List.of();
        }
        String items = itemIds == null ? "" : " and item_id in (:items)";
        var query = jdbc.sql("select * from access_log where client_id = :client" + items + " order by read_at desc, id limit :limit")
                .param("client", clientId).param("limit", limit);
        if (itemIds != null) {
            query = query.param("items", itemIds);
        }
        return query.query((rs, row) -> new Entry(rs.getString("client_id"), rs.getString("reader"), rs.getTimestamp("read_at").toInstant(),
                Item.valueOf(rs.getString("kind")), rs.getString("item_id"), Way.valueOf(rs.getString("way")))).list();
    }

    /** Removes the entries older than {@code before}: the log has its own retention. */
    int forgetBefore(Instant before) {
        return jdbc.sql("delete from access_log where read_at < ?").param(Timestamp.from(before)).update();
    }
}
