-- A secretary re-classifies a filed document: what it was, what it became, where its file moved,
-- who did it and when. The document row holds the current state; these rows its history.
-- Portable SQL: the same script runs on the embedded H2 file database and on PostgreSQL.

create table document_correction (
    id             varchar(40)  primary key,
    document_id    varchar(40)  not null references document(id),
    client_id      varchar(40)  not null references client(id),
    from_category  varchar(40)  not null,
    to_category    varchar(40)  not null,
    -- 'model' when the model had filed it, else the secretary whose filing is corrected
    from_classified_by varchar(320) not null,
    from_key       varchar(300) not null,
    to_key         varchar(300) not null,
    corrected_by   varchar(320) not null,
    corrected_at   timestamp    not null
);
create index document_correction_document on document_correction(document_id, corrected_at);
