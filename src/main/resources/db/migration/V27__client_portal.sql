-- The client portal (docs/clients.md). A client's own people mark the messages they have dealt with, and say when
-- they cannot be reached: the briefing card of every call taken while an absence runs shows it, and it ends by
-- itself at ends_at. Portable SQL: the same script runs on the embedded H2 file database and on PostgreSQL.

alter table call add column client_handled_at timestamp;
alter table call add column client_handled_by varchar(64);

create table client_absence (
    client_id   varchar(40)   primary key references client(id),
    -- as the client wrote it: "absent cet après-midi — urgences au Dr Petit, 06 …"
    message     varchar(500)  not null,
    -- E.164; empty when urgent calls are not to be forwarded
    urgent_to   varchar(64),
    ends_at     timestamp     not null,
    set_by      varchar(64)   not null,
    set_at      timestamp     not null
);
