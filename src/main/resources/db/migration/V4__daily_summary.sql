-- Messages kept for a client's daily summary (contact rules: DAILY_SUMMARY), one row per call.
-- A summary takes every waiting message of its client (summary_id set, the idempotency key of the
-- summary's mail in `notification`); summarised_at is set once that mail has gone.

create table summary_message (
    process_instance_id  varchar(64)   primary key,
    client_id            varchar(40)   not null references client(id),
    caller_name          varchar(200),
    caller_number        varchar(100),
    reason               varchar(2000),
    category             varchar(40),
    mood                 varchar(20),
    notes                varchar(4000),
    received_at          timestamp     not null,
    summary_id           varchar(200),
    summarised_at        timestamp
);
-- a client's waiting messages (summary_id empty), then the messages of one summary
create index summary_message_waiting on summary_message(client_id, summary_id);
create index summary_message_summary on summary_message(summary_id);
