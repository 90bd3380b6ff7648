-- A client's public booking page (/reserver/{client}): whether it is open, and which of the client's appointment
-- types callers may book there. No row: the page is off. Portable SQL: the same script runs on the embedded H2 file
-- database and on PostgreSQL.
create table booking_page (
    client_id   varchar(40)  primary key references client(id) on delete cascade,
    enabled     boolean      not null,
    updated_at  timestamp with time zone not null,
    updated_by  varchar(64)  not null
);

create table booking_page_type (
    client_id   varchar(40)  not null references booking_page(client_id) on delete cascade,
    type_code   varchar(40)  not null,
    primary key (client_id, type_code)
);

-- Who made the appointment: the office (a secretary, the intake) or the caller herself on the booking page; the
-- secretaries and the client's calendar entry show it.
alter table appointment add column source varchar(20) default 'OFFICE' not null;

-- the cap on a caller's open bookings counts hers among the client's booked appointments
create index appointment_client_caller_email on appointment(client_id, caller_email);
create index appointment_client_caller_number on appointment(client_id, caller_number);
