-- The managers' dashboard reads this week's calls and appointments of every client at once: by time
-- first, not by client (the existing indexes start with client_id). With a year of 50 clients' calls,
-- these keep its queries on the week's rows.
-- Portable SQL: the same script runs on the embedded H2 file database and on PostgreSQL.

create index call_received on call(received_at);
create index appointment_starts on appointment(starts_at);
