-- Who handled each call: the assignment policy looks at a secretary's last calls and their moods,
-- so that nobody gets a third difficult call in a row while a colleague could take it.
-- Empty for calls recorded before this column and for calls nobody was assigned when completed.

alter table call add column handled_by varchar(64);
create index call_handled_by_recorded on call(handled_by, recorded_at);
