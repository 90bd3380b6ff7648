-- What the secretaries propose to change in a client's settings (its briefing card, its contact rules' deadlines),
-- and what the managers made of it. Kept once decided: the history of who proposed what and why, who applied or
-- declined it, and the word back. Goes with its client.
create table client_proposal (
    id              varchar(36)   primary key,
    client_id       varchar(40)   not null references client(id) on delete cascade,
    subject         varchar(30)   not null,
    before_value    varchar(4000) not null,
    proposed_value  varchar(4000) not null,
    reason          varchar(1000) not null,
    proposed_by     varchar(64)   not null,
    proposed_at     timestamp     not null,
    state           varchar(10)   not null,
    decided_by      varchar(64),
    decided_at      timestamp,
    answer          varchar(1000)
);
create index client_proposal_state on client_proposal(state, proposed_at);
create index client_proposal_by on client_proposal(proposed_by, proposed_at);

-- A nudge to check in on a colleague after her difficult call, once dismissed, is not shown again. Only the call
-- and when: nobody's dismissals are counted, nor who dismissed.
create table check_in_dismissal (
    call_id       varchar(36) primary key references call(id) on delete cascade,
    dismissed_at  timestamp   not null
);
