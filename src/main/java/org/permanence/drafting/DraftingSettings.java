package org.permanence.drafting;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A client's drafting setting (table {@code mail_drafting_settings}): whether it approves each draft
 * before it goes. Off unless the client asked for it.
 */
@Repository
public class DraftingSettings {

    /** As the API shows it. */
    public record Setting(boolean clientApproval) {
    }

    private final JdbcClient jdbc;

    DraftingSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Setting of(String clientId) {
        return new Setting(jdbc.sql("select client_approval from mail_drafting_settings where client_id = ?").param(clientId)
                .query(Boolean.class).optional().orElse(false));
    }

    public Setting save(String clientId, Setting setting) {
        Timestamp now = Timestamp.from(Instant.now());
        if (jdbc.sql("update mail_drafting_settings set client_approval = ?, updated_at = ? where client_id = ?")
                .params(setting.clientApproval(), now, clientId).update() == 0) {
            jdbc.sql("insert into mail_drafting_settings (client_id, client_approval, updated_at) values (?, ?, ?)")
                    .params(clientId, setting.clientApproval(), now).update();
        }
        return setting;
    }
}
