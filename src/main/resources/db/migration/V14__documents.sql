-- Documents clients send (upload, mail, watched folder): one row per distinct content per client,
-- written after the original is safe in object storage and before the process starts. The same
-- bytes sent again are linked to the first row (document_copy), never filed twice.
-- Portable SQL: the same script runs on the embedded H2 file database and on PostgreSQL.

create table document (
    id              varchar(40)  primary key,
    client_id       varchar(40)  not null references client(id),
    content_hash    varchar(64)  not null,
    -- the name as sent, cleaned for display; never part of an object key
    original_name   varchar(255) not null,
    size_bytes      bigint       not null,
    source          varchar(10)  not null,
    received_by     varchar(320) not null,
    -- RECEIVED, READ, UNREADABLE, FILED
    status          varchar(12)  not null,
    media_type      varchar(200),
    pages           integer,
    ocr_pages       integer,
    unreadable_reason varchar(1000),
    category        varchar(40),
    confidence      decimal(5,4),
    model_version   varchar(80),
    -- 'model' when filed on the model's word, else the secretary who chose the category
    classified_by   varchar(320),
    document_date   date,
    amount          varchar(40),
    sender          varchar(200),
    invoice_number  varchar(60),
    filed_key       varchar(300),
    received_at     timestamp    not null,
    filed_at        timestamp,
    constraint document_once_per_client unique (client_id, content_hash)
);
create index document_client on document(client_id, received_at);

create table document_copy (
    id            varchar(40)  primary key,
    document_id   varchar(40)  not null references document(id),
    original_name varchar(255) not null,
    source        varchar(10)  not null,
    received_by   varchar(320) not null,
    received_at   timestamp    not null
);
create index document_copy_document on document_copy(document_id);

-- each trained model (the shared base one, owner 'base', or a client's); the highest version is current
create table document_model (
    owner       varchar(40)  not null,
    version     integer      not null,
    object_key  varchar(200) not null,
    examples    integer      not null,
    created_at  timestamp    not null,
    primary key (owner, version)
);
