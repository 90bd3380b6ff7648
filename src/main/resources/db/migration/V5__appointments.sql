-- Appointments booked for clients, and the days or hours a client takes no appointments.
-- Portable SQL: the same script runs on the embedded H2 file database and on PostgreSQL.

-- a closure is written in the client's own wall-clock time ("closed 24/12 to 02/01"): local date-times
-- in the client's time zone, end excluded; a whole day runs from 00:00 to 00:00 the day after
create table client_closure (
    id          varchar(36)  primary key,
    client_id   varchar(40)  not null references client(id) on delete cascade,
    from_local  timestamp    not null,
    to_local    timestamp    not null,
    reason      varchar(200) not null,
    constraint client_closure_order check (from_local < to_local)
);
create index client_closure_client on client_closure(client_id, from_local);

-- instants are stored with their offset (always written in UTC): a plain timestamp would take the
-- server's zone and make the hour that repeats when clocks go back ambiguous
create table appointment (
    id                   varchar(36)  primary key,
    client_id            varchar(40)  not null references client(id),
    type_code            varchar(40)  not null,
    starts_at            timestamp with time zone not null,
    ends_at              timestamp with time zone not null,
    -- the interval the practitioner is taken: buffers before and after included, on the lock grid
    occupied_from        timestamp with time zone not null,
    occupied_until       timestamp with time zone not null,
    caller_name          varchar(200) not null,
    caller_number        varchar(64),
    caller_email         varchar(320),
    status               varchar(20)  not null,
    -- the appointment-confirmation process that looks after it, once there is one
    process_instance_id  varchar(64)  unique,
    -- the calendar event's SEQUENCE: raised by every change the caller and the client are sent
    sequence             integer      not null,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    constraint appointment_order check (starts_at < ends_at and occupied_from <= starts_at and ends_at <= occupied_until)
);
create index appointment_client_occupied on appointment(client_id, status, occupied_from);

-- No double booking, enforced by the database. A BOOKED appointment holds one row per 5-minute unit
-- of its occupied interval; two bookings of one client whose intervals overlap share a unit, and the
-- primary key lets exactly one of them commit, however many try at once. Cancelling deletes the rows.
-- (PostgreSQL's exclusion constraint on a time range would say this directly, but H2 has none.)
create table appointment_slot_lock (
    client_id       varchar(40) not null,
    unit_start      timestamp with time zone not null,
    appointment_id  varchar(36) not null references appointment(id) on delete cascade,
    primary key (client_id, unit_start)
);
create index appointment_slot_lock_appointment on appointment_slot_lock(appointment_id);
