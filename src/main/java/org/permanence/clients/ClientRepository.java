package org.permanence.clients;

import java.math.BigDecimal;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.permanence.clients.Client.AppointmentType;
import org.permanence.clients.Client.Briefing;
import org.permanence.clients.Client.ContactRules;
import org.permanence.clients.Client.DocumentCategory;
import org.permanence.clients.Client.MessageDelivery;
import org.permanence.clients.Client.OpeningHours;
import org.permanence.clients.Client.PhoneLine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Clients and their settings in the application tables (see db/migration). */
@Repository
public class ClientRepository {

    private final JdbcClient jdbc;

    ClientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Client> findById(String id) {
        return jdbc.sql("select * from client where id = ?").param(id)
                .query((rs, n) -> new ClientRow(rs.getString("id"), rs.getString("name"), rs.getString("language"),
                        rs.getString("time_zone"),
                        new Briefing(rs.getString("briefing_greeting"), rs.getString("briefing_urgent_when"),
                                rs.getString("briefing_put_through"), rs.getString("briefing_notes")),
                        rs.getString("contact_email"), rs.getString("contact_urgent_email"),
                        MessageDelivery.valueOf(rs.getString("contact_message_delivery")),
                        toLocalTime(rs.getTime("contact_summary_time")), rs.getInt("contact_callback_minutes"),
                        rs.getInt("contact_urgent_confirm_minutes"), rs.getBigDecimal("classification_threshold"),
                        rs.getString("name_in_sentence")))
                .optional()
                .map(this::withSettings);
    }

    public List<Client> findAll() {
        return ids().stream().map(this::findById).flatMap(Optional::stream).toList();
    }

    public List<Client> findAllIn(Collection<String> ids) {
        Set<String> wanted = Set.copyOf(ids);
        return ids().stream().filter(wanted::contains).map(this::findById).flatMap(Optional::stream).toList();
    }

    public boolean exists(String id) {
        return jdbc.sql("select count(*) from client where id = ?").param(id).query(Integer.class).single() > 0;
    }

    /** The client whose line this E.164 number is. */
    public Optional<String> clientOfLine(String e164) {
        return jdbc.sql("select client_id from client_phone_line where number = ?").param(e164).query(String.class).optional();
    }

    /** The clients whose contact or urgent address this is (a mail they sent to the secretariat), first by id. */
    public List<String> clientsOfEmail(String address) {
        return jdbc.sql("select id from client where lower(contact_email) = ? or lower(contact_urgent_email) = ? order by id")
                .params(address.toLowerCase(), address.toLowerCase()).query(String.class).list();
    }

    @Transactional
    public void save(Client client) {
        Timestamp now = Timestamp.from(Instant.now());
        ContactRules rules = client.contactRules();
        Briefing briefing = client.briefing();
        int updated = jdbc.sql("""
                update client set name = ?, language = ?, time_zone = ?, briefing_greeting = ?, briefing_urgent_when = ?,
                  briefing_put_through = ?, briefing_notes = ?, contact_email = ?, contact_urgent_email = ?,
                  contact_message_delivery = ?, contact_summary_time = ?, contact_callback_minutes = ?,
                  contact_urgent_confirm_minutes = ?, classification_threshold = ?, name_in_sentence = ?, updated_at = ?
                where id = ?""")
                .params(client.name(), client.language(), client.timeZone(), briefing.greeting(), briefing.urgentWhen(),
                        briefing.putThrough(), briefing.notes(), rules.email(), rules.urgentEmail(), rules.messages().name(),
                        toTime(rules.dailySummaryAt()), rules.callBackWithinMinutes(), rules.urgentConfirmWithinMinutes(),
                        client.classificationThreshold(), client.nameInSentence(), now, client.id())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into client (id, name, language, time_zone, briefing_greeting, briefing_urgent_when,
                      briefing_put_through, briefing_notes, contact_email, contact_urgent_email, contact_message_delivery,
                      contact_summary_time, contact_callback_minutes, contact_urgent_confirm_minutes,
                      classification_threshold, name_in_sentence, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(client.id(), client.name(), client.language(), client.timeZone(), briefing.greeting(),
                            briefing.urgentWhen(), briefing.putThrough(), briefing.notes(), rules.email(), rules.urgentEmail(),
                            rules.messages().name(), toTime(rules.dailySummaryAt()), rules.callBackWithinMinutes(),
                            rules.urgentConfirmWithinMinutes(), client.classificationThreshold(), client.nameInSentence(), now, now)
                    .update();
        }
        replaceSettings(client);
    }

    private void replaceSettings(Client client) {
        for (String table : List.of("client_phone_line", "client_opening_hours", "client_appointment_type", "client_document_category")) {
            jdbc.sql("delete from " + table + " where client_id = ?").param(client.id()).update();
        }
        client.phoneLines().forEach(line -> jdbc.sql("insert into client_phone_line (number, client_id, label) values (?, ?, ?)")
                .params(line.number(), client.id(), line.label()).update());
        client.openingHours().forEach(hours -> jdbc.sql(
                        "insert into client_opening_hours (client_id, day_of_week, opens, closes) values (?, ?, ?, ?)")
                .params(client.id(), hours.day().name(), toTime(hours.opens()), toTime(hours.closes())).update());
        client.appointmentTypes().forEach(type -> jdbc.sql("""
                        insert into client_appointment_type (client_id, code, name, duration_minutes, buffer_before_minutes,
                          buffer_after_minutes, minimum_notice_minutes) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(client.id(), type.code(), type.name(), type.durationMinutes(), type.bufferBeforeMinutes(),
                        type.bufferAfterMinutes(), type.minimumNoticeMinutes()).update());
        Set<String> notify = Set.copyOf(client.contactRules().notifyDocumentCategories());
        client.documentCategories().forEach(category -> jdbc.sql(
                        "insert into client_document_category (client_id, code, name, notify_client) values (?, ?, ?, ?)")
                .params(client.id(), category.code(), category.name(), notify.contains(category.code())).update());
    }

    private List<String> ids() {
        return jdbc.sql("select id from client order by name").query(String.class).list();
    }

    private Client withSettings(ClientRow row) {
        List<PhoneLine> lines = jdbc.sql("select number, label from client_phone_line where client_id = ? order by number")
                .param(row.id()).query((rs, n) -> new PhoneLine(rs.getString(1), rs.getString(2))).list();
        List<OpeningHours> hours = jdbc.sql("select day_of_week, opens, closes from client_opening_hours where client_id = ?")
                .param(row.id())
                .query((rs, n) -> new OpeningHours(DayOfWeek.valueOf(rs.getString(1)), toLocalTime(rs.getTime(2)), toLocalTime(rs.getTime(3))))
                .list().stream()
                .sorted((a, b) -> a.day() != b.day() ? a.day().compareTo(b.day()) : a.opens().compareTo(b.opens()))
                .toList();
        List<AppointmentType> types = jdbc.sql("""
                        select code, name, duration_minutes, buffer_before_minutes, buffer_after_minutes, minimum_notice_minutes
                        from client_appointment_type where client_id = ? order by code""")
                .param(row.id())
                .query((rs, n) -> new AppointmentType(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)))
                .list();
        Map<DocumentCategory, Boolean> categories = jdbc.sql(
                        "select code, name, notify_client from client_document_category where client_id = ? order by code")
                .param(row.id())
                .query((rs, n) -> Map.entry(new DocumentCategory(rs.getString(1), rs.getString(2)), rs.getBoolean(3)))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        List<String> notify = categories.entrySet().stream().filter(Map.Entry::getValue).map(e -> e.getKey().code()).toList();
        return new Client(row.id(), row.name(), row.language(), row.timeZone(), lines, hours, types, row.briefing(),
                new ContactRules(row.email(), row.urgentEmail(), row.messages(), row.dailySummaryAt(), row.callBackWithinMinutes(),
                        row.urgentConfirmWithinMinutes(), notify),
                List.copyOf(categories.keySet()), row.classificationThreshold(), row.nameInSentence());
    }

    private static Time toTime(LocalTime time) {
        return time == null ? null : Time.valueOf(time);
    }

    private static LocalTime toLocalTime(Time time) {
        return time == null ? null : time.toLocalTime();
    }

    /** The client table's own columns, before its settings lists are read. */
    private record ClientRow(String id, String name, String language, String timeZone, Briefing briefing, String email,
                             String urgentEmail, MessageDelivery messages, LocalTime dailySummaryAt, int callBackWithinMinutes,
                             int urgentConfirmWithinMinutes, BigDecimal classificationThreshold, String nameInSentence) {
    }
}
