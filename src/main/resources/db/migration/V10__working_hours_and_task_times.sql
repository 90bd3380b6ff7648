-- A secretary's working hours: outside them she counts as away and no work is routed to her.
-- One row per range (a day may have a morning and an afternoon), in the office's time zone
-- (permanence.secretaries.time-zone). No row at all: she has not set hours, and is never away for that.
-- Portable SQL: the same script runs on the embedded H2 file database and on PostgreSQL.

create table working_hours (
    user_id      varchar(64) not null,
    day_of_week  varchar(9)  not null,
    starts_at    time        not null,
    ends_at      time        not null,
    primary key (user_id, day_of_week, starts_at)
);

-- When her last break started, and why she took it: a protected break after a difficult call is
-- not held against her, and the time since her last break decides when one is suggested.
alter table secretary_status add column last_break_at timestamp;
alter table secretary_status add column break_reason varchar(20);

-- A client's own delay and priority for one type of task (BPMN task id); the office's defaults
-- (permanence.task-times) apply to every type the client did not set.
create table client_task_time (
    client_id           varchar(40) not null,
    task_type           varchar(100) not null,
    due_within_minutes  integer     not null,
    priority            integer     not null,
    primary key (client_id, task_type)
);
