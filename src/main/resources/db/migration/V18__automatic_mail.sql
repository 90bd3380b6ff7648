-- Mails a robot sent to one of our mailboxes (out-of-office replies, bounces, mailings; package mail,
-- class AutomaticMail): kept and listed, never answered nor drafted from. One row per mailbox and
-- Message-ID; the mail itself is in object storage at object_key.
-- Portable SQL: the same script runs on the embedded H2 file database and on PostgreSQL.
create table automatic_mail (
    mailbox      varchar(320)  not null,
    message_id   varchar(500)  not null,
    client_id    varchar(40)   references client(id) on delete cascade,
    sender       varchar(320)  not null,
    subject      varchar(500)  not null,
    reason       varchar(200)  not null,
    object_key   varchar(300)  not null,
    received_at  timestamp     not null,
    primary key (mailbox, message_id)
);
create index automatic_mail_received on automatic_mail(received_at);
