package org.permanence.drafting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code mail_template} table (db/migration V30). */
@Repository
class MailTemplateRepository {

    private static final RowMapper<MailTemplate> ROW = (rs, n) -> new MailTemplate(rs.getString("code"), rs.getString("name"),
            MailTemplate.Kind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getString("body"));

    private final JdbcClient jdbc;

    MailTemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<MailTemplate> all(String clientId) {
        return jdbc.sql("select * from mail_template where client_id = ? order by code").param(clientId).query(ROW).list();
    }

    Optional<MailTemplate> find(String clientId, String code) {
        return jdbc.sql("select * from mail_template where client_id = ? and code = ?").params(clientId, code).query(ROW).optional();
    }

    boolean any(String clientId) {
        return jdbc.sql("select count(*) from mail_template where client_id = ?").param(clientId).query(Integer.class).single() > 0;
    }

    void save(String clientId, MailTemplate template) {
        Timestamp now = Timestamp.from(Instant.now());
        int updated = jdbc.sql("update mail_template set name = ?, kind = ?, subject = ?, body = ?, updated_at = ? where client_id = ? and code = ?")
                .params(template.name(), template.kind().name(), template.subject(), template.body(), now, clientId, template.code())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into mail_template (client_id, code, name, kind, subject, body, updated_at) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(clientId, template.code(), template.name(), template.kind().name(), template.subject(), template.body(), now)
                    .update();
        }
    }

    /** Adds the template unless the client has one of that code; never fails on it (seeding runs inside the client's save). */
    void addIfMissing(String clientId, MailTemplate template) {
        jdbc.sql("""
                insert into mail_template (client_id, code, name, kind, subject, body, updated_at) select ?, ?, ?, ?, ?, ?, ?
                where not exists (select 1 from mail_template where client_id = ? and code = ?)""")
                .params(clientId, template.code(), template.name(), template.kind().name(), template.subject(), template.body(),
                        Timestamp.from(Instant.now()), clientId, template.code())
                .update();
    }

    boolean delete(String clientId, String code) {
        return jdbc.sql("delete from mail_template where client_id = ? and code = ?").params(clientId, code).update() == 1;
    }
}
