-- Tasklist's header asks every 15 s, for each secretary with it open, for the difficult calls recorded in the
-- last minutes (assignment.CheckIns): without an index of its own that is a scan of every call kept.
create index call_recorded on call(recorded_at);
