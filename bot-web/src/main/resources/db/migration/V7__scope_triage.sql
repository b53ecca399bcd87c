-- Scope triage: each support session's area and coverage, sessions held until the administrator confirms,
-- and operators' corrections of the label (kept to improve the labelled data).

alter table support_session add column area varchar(20);
alter table support_session add column coverage varchar(20);
alter table support_session add column triage_confidence double precision;
alter table support_session add column policy_item varchar(20);
alter table support_session add column held boolean default false not null;

create table triage_correction (
    id          varchar(36)  primary key,
    session_id  varchar(36)  not null references support_session (id),
    operator    varchar(100) not null,
    area        varchar(20)  not null,
    coverage    varchar(20)  not null,
    question    varchar(500) not null,
    created_at  timestamp    not null
);
