package org.permanence.appointments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.permanence.appointments.Appointment.Caller;
import org.permanence.appointments.Appointment.Source;
import org.permanence.clients.Client.AppointmentType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The clients' appointments and closures in the application tables (see db/migration V10). */
@Repository
public class AppointmentBook {

    private final JdbcClient jdbc;

    AppointmentBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Books an appointment and locks its occupied interval. When another booking holds any of it, the
     * lock's primary key refuses the insert with a {@link org.springframework.dao.DuplicateKeyException}
     * and nothing is kept: of two bookings racing for one slot, exactly one commits.
     */
    @Transactional
    public Appointment book(String clientId, AppointmentType type, Instant start, Caller caller, String processInstanceId, Source source,
                            Instant now) {
        String id = UUID.randomUUID().toString();
        Interval occupied = Interval.occupied(start, type);
        jdbc.sql("""
                        insert into appointment (id, client_id, type_code, starts_at, ends_at, occupied_from, occupied_until, caller_name,
                          caller_number, caller_email, status, process_instance_id, sequence, created_at, updated_at, source)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""")
                .params(id, clientId, type.code(), utc(start), utc(Availability.end(start, type)), utc(occupied.from()),
                        utc(occupied.until()), caller.name(), caller.number(), caller.email(), AppointmentStatus.BOOKED.name(),
                        processInstanceId, utc(now), utc(now), source.name())
                .update();
        lock(clientId, id, occupied);
        return find(clientId, id).orElseThrow();
    }

    /**
     * Moves a BOOKED appointment to another start, keeping its id (the calendar event's UID) and raising
     * its SEQUENCE; its own old time is freed first. When someone else holds any of the new time, the
     * lock's primary key refuses it ({@link org.springframework.dao.DuplicateKeyException}) and the whole
     * move rolls back: the appointment keeps its old time.
     */
    @Transactional
    public boolean move(String clientId, String appointmentId, AppointmentType type, Instant start, Instant now) {
        Interval occupied = Interval.occupied(start, type);
        int moved = jdbc.sql("""
                        update appointment set starts_at = ?, ends_at = ?, occupied_from = ?, occupied_until = ?, confirmed_at = null,
                          sequence = sequence + 1, updated_at = ?
                        where id = ? and client_id = ? and status = ?""")
                .params(utc(start), utc(Availability.end(start, type)), utc(occupied.from()), utc(occupied.until()), utc(now),
                        appointmentId, clientId, AppointmentStatus.BOOKED.name())
                .update();
        if (moved == 0) {
            return false;
        }
        jdbc.sql("delete from appointment_slot_lock where appointment_id = ?").param(appointmentId).update();
        lock(clientId, appointmentId, occupied);
        return true;
    }

    // in time order, so that two overlapping bookings wait for each other rather than deadlock
    private void lock(String clientId, String appointmentId, Interval occupied) {
        for (Instant unit : occupied.lockUnits()) {
            jdbc.sql("insert into appointment_slot_lock (client_id, unit_start, appointment_id) values (?, ?, ?)")
                    .params(clientId, utc(unit), appointmentId).update();
        }
    }

    /** Notes the caller's confirmation of a BOOKED appointment; false when it is not booked (any more). */
    public boolean confirm(String appointmentId, Instant now) {
        return jdbc.sql("update appointment set confirmed_at = ?, updated_at = ? where id = ? and status = ?")
                .params(utc(now), utc(now), appointmentId, AppointmentStatus.BOOKED.name()).update() > 0;
    }

    /** Whether the caller came ({@code ATTENDED} or {@code NO_SHOW}), once the appointment is over; false when it was not booked. */
    @Transactional
    public boolean markAttendance(String appointmentId, AppointmentStatus attendance, Instant now) {
        int marked = jdbc.sql("update appointment set status = ?, updated_at = ? where id = ? and status = ?")
                .params(attendance.name(), utc(now), appointmentId, AppointmentStatus.BOOKED.name()).update();
        // the time has passed: its locks keep nobody out any more, and would only grow the table
        jdbc.sql("delete from appointment_slot_lock where appointment_id = ?").param(appointmentId).update();
        return marked > 0;
    }

    /** How many appointments with this client the caller missed. */
    public int noShows(String clientId, String callerNumber) {
        return jdbc.sql("select count(*) from appointment where client_id = ? and caller_number = ? and status = ?")
                .params(clientId, callerNumber, AppointmentStatus.NO_SHOW.name()).query(Integer.class).single();
    }

    /**
     * How many of the client's appointments still to come are booked for this e-mail address (any case) or
     * this phone number (E.164); either may be null.
     */
    public int openBookings(String clientId, String email, String number, Instant now) {
        return jdbc.sql("""
                        select count(*) from appointment where client_id = ? and status = ? and ends_at > ?
                          and (lower(caller_email) = lower(?) or caller_number = ?)""")
                .params(clientId, AppointmentStatus.BOOKED.name(), utc(now), email, number).query(Integer.class).single();
    }

    /** An appointment by its id alone: links and the process know no client. */
    public Optional<Appointment> find(String appointmentId) {
        return jdbc.sql("select * from appointment where id = ?").param(appointmentId).query(AppointmentBook::appointment).optional();
    }

    public Optional<Appointment> ofProcess(String processInstanceId) {
        return jdbc.sql("select * from appointment where process_instance_id = ?").param(processInstanceId)
                .query(AppointmentBook::appointment).optional();
    }

    /** Cancels a BOOKED appointment and frees its slot; false when it was not booked (any more). */
    @Transactional
    public boolean cancel(String clientId, String appointmentId, Instant now) {
        int cancelled = jdbc.sql("""
                        update appointment set status = ?, sequence = sequence + 1, updated_at = ?
                        where id = ? and client_id = ? and status = ?""")
                .params(AppointmentStatus.CANCELLED.name(), utc(now), appointmentId, clientId, AppointmentStatus.BOOKED.name())
                .update();
        jdbc.sql("delete from appointment_slot_lock where appointment_id = ?").param(appointmentId).update();
        return cancelled > 0;
    }

    public Optional<Appointment> find(String clientId, String appointmentId) {
        return jdbc.sql("select * from appointment where id = ? and client_id = ?").params(appointmentId, clientId)
                .query(AppointmentBook::appointment).optional();
    }

    /** The client's BOOKED appointments starting in this stretch of time, soonest first: its coming days, as the portal shows them. */
    public List<Appointment> bookedBetween(String clientId, Instant from, Instant until) {
        return jdbc.sql("select * from appointment where client_id = ? and status = ? and starts_at >= ? and starts_at < ? order by starts_at, id")
                .params(clientId, AppointmentStatus.BOOKED.name(), utc(from), utc(until))
                .query(AppointmentBook::appointment).list();
    }

    /** The occupied intervals of the client's BOOKED appointments that reach into this stretch of time. */
    List<Interval> occupiedDuring(String clientId, Interval during) {
        return jdbc.sql("""
                        select occupied_from, occupied_until from appointment
                        where client_id = ? and status = ? and occupied_from < ? and occupied_until > ?""")
                .params(clientId, AppointmentStatus.BOOKED.name(), utc(during.until()), utc(during.from()))
                .query((rs, n) -> new Interval(instant(rs, "occupied_from"), instant(rs, "occupied_until")))
                .list();
    }

    public List<Closure> closures(String clientId) {
        return jdbc.sql("select from_local, to_local, reason from client_closure where client_id = ? order by from_local, to_local")
                .param(clientId)
                .query((rs, n) -> new Closure(rs.getObject(1, LocalDateTime.class), rs.getObject(2, LocalDateTime.class), rs.getString(3)))
                .list();
    }

    @Transactional
    public void replaceClosures(String clientId, List<Closure> closures) {
        jdbc.sql("delete from client_closure where client_id = ?").param(clientId).update();
        closures.forEach(closure -> jdbc.sql(
                        "insert into client_closure (id, client_id, from_local, to_local, reason) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), clientId, closure.from(), closure.to(), closure.reason()).update());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Appointment appointment(ResultSet rs, int row) throws SQLException {
        return new Appointment(rs.getString("id"), rs.getString("client_id"), rs.getString("type_code"), instant(rs, "starts_at"),
                instant(rs, "ends_at"), new Interval(instant(rs, "occupied_from"), instant(rs, "occupied_until")),
                new Caller(rs.getString("caller_name"), rs.getString("caller_number"), rs.getString("caller_email")),
                AppointmentStatus.valueOf(rs.getString("status")), rs.getString("process_instance_id"), rs.getInt("sequence"),
                rs.getObject("confirmed_at") == null ? null : instant(rs, "confirmed_at"), instant(rs, "created_at"),
                instant(rs, "updated_at"), Source.valueOf(rs.getString("source")));
    }
}
