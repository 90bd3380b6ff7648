-- Mail drafting: which clients approve drafts first, the archive of sent mails (linked to their case),
-- and every mail read from the secretariat mailbox, once, by its Message-ID.
create table mail_drafting_settings (
    client_id        varchar(40) primary key references client(id) on delete cascade,
    client_approval  boolean     not null,
    updated_at       timestamp   not null
);

create table archived_mail (
    case_id      varchar(64)  primary key,
    client_id    varchar(40)  not null references client(id) on delete cascade,
    reference    varchar(64)  not null,
    message_id   varchar(500) not null,
    recipient    varchar(320) not null,
    subject      varchar(500) not null,
    eml_key      varchar(300) not null,
    letter_key   varchar(300),
    archived_at  timestamp    not null
);
create index archived_mail_client on archived_mail(client_id, archived_at);

create table incoming_mail (
    message_id           varchar(500) primary key,
    sender               varchar(320) not null,
    client_id            varchar(40),
    process_instance_id  varchar(64),
    problem              varchar(500),
    received_at          timestamp    not null
);
