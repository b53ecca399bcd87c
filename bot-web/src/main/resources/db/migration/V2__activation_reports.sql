-- One row per activation run, and one per check it ran, with its result and timing.

create table activation_report (
    id                varchar(36)  primary key,
    portal_id         varchar(36)  not null references portal (id),
    requested_by      varchar(200) not null,
    requested_by_name varchar(200) not null,
    started_at        timestamp    not null,
    finished_at       timestamp    not null,
    outcome           varchar(20)  not null
);

-- "The latest activation of this portal" is the question asked of this table.
create index activation_report_portal_idx on activation_report (portal_id, finished_at);

create table activation_check (
    report_id varchar(36) not null references activation_report (id),
    position  integer     not null,
    area      varchar(30) not null,
    passed    boolean     not null,
    code      varchar(60),
    detail    varchar(60),
    millis    bigint      not null,
    primary key (report_id, position)
);
