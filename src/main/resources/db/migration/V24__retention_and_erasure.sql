-- How long each client's records are kept, by kind, where the client differs from the office's defaults
create table client_retention (
    client_id   varchar(40) not null references client(id) on delete cascade,
    kind        varchar(20) not null,
    days        integer     not null,
    updated_by  varchar(64) not null,
    updated_at  timestamp   not null,
    primary key (client_id, kind),
    constraint client_retention_days check (days >= 1)
);

-- What each purge removed: counts, never content
create table purge_run (
    id               varchar(36) primary key,
    ran_at           timestamp   not null,
    client_id        varchar(40),
    kind             varchar(20) not null,
    removed_rows     integer     not null,
    removed_objects  integer     not null,
    removed_files    integer     not null,
    removed_cases    integer     not null
);
create index purge_run_client on purge_run (client_id, ran_at);

-- The purge's turn: one node at a time holds it until it is done (or its lease runs out, when it died)
create table purge_turn (
    id      integer      primary key,
    holder  varchar(100),
    lease_until  timestamp  not null,
    constraint purge_turn_single check (id = 1)
);
insert into purge_turn (id, holder, lease_until) values (1, null, timestamp '2000-01-01 00:00:00');

-- What an erasure removed, for the client to forward: counts, never who
create table erasure_receipt (
    id               varchar(36) primary key,
    client_id        varchar(40) not null references client(id) on delete cascade,
    erased_by        varchar(64) not null,
    erased_at        timestamp   not null,
    calls            integer     not null,
    messages         integer     not null,
    appointments     integer     not null,
    mails            integer     not null,
    documents        integer     not null,
    stored_objects   integer     not null,
    mail_files       integer     not null,
    cases_ended      integer     not null,
    cases_forgotten  integer     not null
);
