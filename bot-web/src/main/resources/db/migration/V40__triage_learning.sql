-- Triage that learns: managers accept operators' corrections as training examples or dismiss them, and
-- every hub instance follows one model version, advanced with each accepted correction.

alter table triage_correction add column locale varchar(5);
alter table triage_correction add column triaged_area varchar(20);
alter table triage_correction add column triaged_coverage varchar(20);
alter table triage_correction add column status varchar(10) default 'PENDING' not null;
alter table triage_correction add column decided_by varchar(100);
alter table triage_correction add column decided_at timestamp;
alter table triage_correction add column policy_item varchar(20);

-- Corrections made before: the question's language is the session's; the classifier's label was not kept.
update triage_correction set locale = (select s.locale from support_session s where s.id = triage_correction.session_id);
alter table triage_correction alter column locale set not null;

create index triage_correction_by_status on triage_correction (status, created_at);
create index triage_correction_by_session on triage_correction (session_id, created_at);

create table triage_model (
    id          integer   primary key,
    version     bigint    not null,
    changed_at  timestamp not null
);
insert into triage_model (id, version, changed_at) values (1, 0, current_timestamp);
