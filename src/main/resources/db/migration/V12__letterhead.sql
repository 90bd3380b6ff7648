-- Each client's letterhead; its logo is an image in object storage (clients/<id>/letterhead/logo).
create table letterhead (
    client_id   varchar(40)  primary key references client(id) on delete cascade,
    address     varchar(1000) not null,
    town        varchar(100) not null,
    signatory   varchar(200) not null,
    has_logo    boolean      not null,
    updated_at  timestamp    not null
);
