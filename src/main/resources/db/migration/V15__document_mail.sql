-- Mails read from the clients' document mailboxes (package documents): each taken once per client,
-- by its Message-ID, whatever restarts or nodes read the mailbox again (the IMAP server may forget
-- which mails were read; the embedded one does on every restart).
-- Portable SQL: the same script runs on the embedded H2 file database and on PostgreSQL.
create table document_mail (
    client_id    varchar(40)  not null references client(id),
    message_id   varchar(500) not null,
    sender       varchar(320) not null,
    -- the documents its attachments became (or the mail itself, set aside for a secretary)
    documents    integer      not null,
    -- why the mail went to a secretary whole rather than as its attachments
    problem      varchar(1000),
    received_at  timestamp    not null,
    primary key (client_id, message_id)
);
