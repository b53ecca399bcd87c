-- Which operators hold or have held a session of which portal: they, and managers, may read its history.
create table portal_operator_access (
    portal_id     varchar(36)  not null references portal (id),
    operator      varchar(100) not null,
    first_held_at timestamp    not null,
    primary key (portal_id, operator)
);

-- Sessions taken before this table existed grant the same access.
insert into portal_operator_access (portal_id, operator, first_held_at)
select portal_id, operator, min(coalesce(assigned_at, asked_at))
from support_session
where operator is not null
group by portal_id, operator;

-- The console's portal history reads a portal's conversations a page at a time, oldest first.
create index conversation_portal_created_idx on conversation (portal_id, created_at, id);
