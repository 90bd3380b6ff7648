-- Mail and letter templates, per client, written in the client's language (Thymeleaf text templates).
create table mail_template (
    client_id   varchar(40)  not null references client(id) on delete cascade,
    code        varchar(40)  not null,
    name        varchar(200) not null,
    kind        varchar(10)  not null,
    subject     varchar(500) not null,
    body        varchar(20000) not null,
    updated_at  timestamp    not null,
    primary key (client_id, code)
);
