package org.permanence.booking;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The clients' booking page settings (db/migration V26); a client without a row has its page off. */
@Repository
class BookingPages {

    private final JdbcClient jdbc;

    BookingPages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    BookingPageSettings of(String clientId) {
        return jdbc.sql("select enabled from booking_page where client_id = ?").param(clientId).query(Boolean.class).optional()
                .map(enabled -> new BookingPageSettings(enabled, jdbc.sql(
                                "select type_code from booking_page_type where client_id = ? order by type_code")
                        .param(clientId).query(String.class).list()))
                .orElse(BookingPageSettings.OFF);
    }

    @Transactional
    void save(String clientId, BookingPageSettings settings, String by, Instant now) {
        jdbc.sql("delete from booking_page where client_id = ?").param(clientId).update();
        jdbc.sql("insert into booking_page (client_id, enabled, updated_at, updated_by) values (?, ?, ?, ?)")
                .params(clientId, settings.enabled(), now.atOffset(ZoneOffset.UTC), by).update();
        List<String> codes = settings.typeCodes().stream().distinct().toList();
        codes.forEach(code -> jdbc.sql("insert into booking_page_type (client_id, type_code) values (?, ?)").params(clientId, code).update());
    }
}
