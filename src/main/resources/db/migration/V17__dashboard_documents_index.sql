-- The managers' dashboard counts this week's filed documents of every client at once, by the time
-- they were filed (the existing index starts with client_id). With a year of 50 clients' documents,
-- this keeps its query on the week's rows.
-- Portable SQL: the same script runs on the embedded H2 file database and on PostgreSQL.

create index document_filed on document(filed_at);
