-- What each person said she is doing: available, in focus or on a break (both until a time), away.
-- A status past its end counts as available: it is computed when read, no job resets it.
-- No row: available. Working hours come in a later migration.
-- Portable SQL: the same script runs on the embedded H2 file database and on PostgreSQL.

create table secretary_status (
    user_id     varchar(64)  primary key,
    status      varchar(20)  not null,
    -- set for FOCUS and BREAK only
    ends_at     timestamp,
    updated_at  timestamp    not null
);
