-- Every read of a call's details, a document or a mail by a person (RGPD: who read what, when).
-- Items are named by their ids only: the log holds nothing of the caller, so it may outlive an erasure.
create table access_log (
    id         varchar(36)  primary key,
    client_id  varchar(40),
    reader     varchar(64)  not null,
    read_at    timestamp    not null,
    kind       varchar(10)  not null,
    item_id    varchar(100) not null,
    way        varchar(20)  not null
);
create index access_log_client on access_log (client_id, read_at);
create index access_log_item on access_log (item_id);
create index access_log_read_at on access_log (read_at);
