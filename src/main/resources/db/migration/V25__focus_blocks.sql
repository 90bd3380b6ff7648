-- The focus blocks the office proposed to a secretary and what she decided: accepted (she will focus then, and the
-- office plans her colleagues' blocks around it) or refused (not proposed to her again). Moving a block is accepting
-- another start. Portable SQL: the same script runs on the embedded H2 file database and on PostgreSQL.

create table focus_block (
    user_id     varchar(64)  not null,
    starts_at   timestamp    not null,
    ends_at     timestamp    not null,
    -- ACCEPTED or REFUSED
    decision    varchar(10)  not null,
    decided_at  timestamp    not null,
    primary key (user_id, starts_at)
);
create index focus_block_starts on focus_block(starts_at);
