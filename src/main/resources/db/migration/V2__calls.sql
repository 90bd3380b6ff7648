-- Every call the office took: announced by a telephony provider's webhook, or logged by hand in
-- Tasklist, then recorded once the secretary handled it. Searched per client and caller.
-- Portable SQL: the same script runs on the embedded H2 file database and on PostgreSQL.

create table call (
    id                   varchar(36)   primary key,
    -- empty only between the webhook's insert and the process start, inside one transaction
    process_instance_id  varchar(64)   unique,
    business_key         varchar(255),
    -- both empty for calls logged by hand; unique NULLs are distinct in H2 and PostgreSQL alike
    provider             varchar(20),
    provider_call_id     varchar(64),
    -- empty: the dialled number is no client's line (the managers' unknown-line queue)
    client_id            varchar(40)   references client(id),
    dialled_number       varchar(64)   not null,
    -- empty: a hidden number logged by hand (providers write "anonymous" or the like)
    caller_number        varchar(64),
    status               varchar(20)   not null,
    received_at          timestamp     not null,
    caller_name          varchar(200),
    reason               varchar(2000),
    category             varchar(20),
    mood                 varchar(20),
    notes                varchar(10000),
    recorded_at          timestamp,
    -- at-least-once delivery: a provider's call id is filed once, which is what starts one process
    constraint call_provider_call unique (provider, provider_call_id)
);
create index call_client_received on call(client_id, received_at);
create index call_client_caller on call(client_id, caller_number);
