-- Signed links (package links): what makes them survive a restart and work only once.
-- Portable SQL: the same script runs on the embedded H2 file database and on PostgreSQL.

-- The key links are signed with when permanence.links.secret is empty: made up by the first node
-- that needs it and kept here, so every node on this database signs and checks alike, and links
-- already sent still work after a restart. One row at most (the primary key is always 1).
create table signed_link_key (
    id          integer      primary key,
    secret      varchar(100) not null,
    created_at  timestamp with time zone not null,
    constraint signed_link_key_single check (id = 1)
);

-- A link is used once: using it inserts its id, and the primary key refuses a second use, however
-- many clicks arrive at once.
create table used_link (
    link_id     varchar(36)  primary key,
    action      varchar(40)  not null,
    subject     varchar(200) not null,
    used_at     timestamp with time zone not null
);
