-- The activation running now for a portal, written with ACTIVATING and removed with the next state: which
-- hub instance runs it and by when it is over at the latest, so that any instance can end a run whose
-- instance died (crash, kill -9) instead of leaving the bot ACTIVATING for good.
create table activation_run (
    portal_id         varchar(36)  primary key references portal (id),
    run_id            varchar(36)  not null,
    instance_id       varchar(200) not null,
    requested_by      varchar(200) not null,
    requested_by_name varchar(200) not null,
    started_at        timestamp    not null,
    deadline_at       timestamp    not null
);

-- A run that ended as a whole without judging its checks (ACTIVATION_INTERRUPTED, ACTIVATION_BUSY).
alter table activation_report add column error_code varchar(60);
alter table activation_report add column error_detail varchar(60);
