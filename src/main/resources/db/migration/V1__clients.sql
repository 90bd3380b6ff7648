-- Clients (one Camunda tenant each) and the settings the secretaries work by.
-- Portable SQL: the same script runs on the embedded H2 file database and on PostgreSQL.

create table client (
    id                        varchar(40)  primary key,
    name                      varchar(200) not null,
    language                  varchar(2)   not null,
    time_zone                 varchar(64)  not null,
    briefing_greeting         varchar(1000) not null,
    briefing_urgent_when      varchar(2000) not null,
    briefing_put_through      varchar(2000) not null,
    briefing_notes            varchar(4000),
    contact_email             varchar(320) not null,
    contact_urgent_email      varchar(320) not null,
    contact_message_delivery  varchar(20)  not null,
    contact_summary_time      time,
    contact_callback_minutes  integer      not null,
    contact_urgent_confirm_minutes integer not null,
    classification_threshold  decimal(4,3) not null,
    created_at                timestamp    not null,
    updated_at                timestamp    not null
);

-- a dialled number identifies exactly one client: the primary key enforces it
create table client_phone_line (
    number     varchar(20)  primary key,
    client_id  varchar(40)  not null references client(id) on delete cascade,
    label      varchar(200) not null
);
create index client_phone_line_client on client_phone_line(client_id);

create table client_opening_hours (
    client_id    varchar(40) not null references client(id) on delete cascade,
    day_of_week  varchar(9)  not null,
    opens        time        not null,
    closes       time        not null,
    primary key (client_id, day_of_week, opens)
);

create table client_appointment_type (
    client_id               varchar(40)  not null references client(id) on delete cascade,
    code                    varchar(40)  not null,
    name                    varchar(200) not null,
    duration_minutes        integer      not null,
    buffer_before_minutes   integer      not null,
    buffer_after_minutes    integer      not null,
    minimum_notice_minutes  integer      not null,
    primary key (client_id, code)
);

create table client_document_category (
    client_id  varchar(40)  not null references client(id) on delete cascade,
    code       varchar(40)  not null,
    name       varchar(200) not null,
    notify_client boolean   not null,
    primary key (client_id, code)
);
