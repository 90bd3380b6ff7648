-- External-task topics a manager declared served by a worker outside this jar (another language, another
-- machine; package engine, class OutsideTopics): the deployment guard accepts diagrams using them.
-- Portable SQL: the same script runs on the embedded H2 file database and on PostgreSQL.
create table outside_topic (
    topic        varchar(100)  primary key,
    served_by    varchar(200)  not null,
    declared_by  varchar(64)   not null,
    declared_at  timestamp     not null
);
