-- What the appointment-confirmation process records on an appointment.
-- Portable SQL: the same script runs on the embedded H2 file database and on PostgreSQL.

-- when the caller confirmed with the link of the confirmation mail; a new time clears it
alter table appointment add column confirmed_at timestamp with time zone;

-- a caller's no-shows, counted for the briefing card of the next call
create index appointment_caller_status on appointment(client_id, caller_number, status);
