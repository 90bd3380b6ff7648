-- Every mail that must reach a client exactly once (a call's message, an urgent call, a daily summary).
-- The row is written before the mail goes out and marked sent after: a retried worker finds it sent
-- and stops, or finds it still sending (a crash between SMTP and this table) and sends it again with
-- the same Message-ID, so the receiving side can recognise the copy.
-- Portable SQL: the same script runs on the embedded H2 file database and on PostgreSQL.

create table notification (
    idempotency_key  varchar(200) primary key,
    client_id        varchar(40)  not null references client(id),
    recipient        varchar(320) not null,
    subject          varchar(400) not null,
    message_id       varchar(200) not null,
    -- SENDING until the mail server accepted the mail, then SENT
    status           varchar(10)  not null,
    attempts         integer      not null,
    created_at       timestamp    not null,
    updated_at       timestamp    not null,
    sent_at          timestamp
);
create index notification_client on notification(client_id, created_at);
