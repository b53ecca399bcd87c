-- Staff accounts with a lifecycle: enabled or not, the languages they answer in, a token version that
-- withdraws every console login at once, optimistic locking; console tokens withdrawn one by one (log-out);
-- and the audit trail of every change to an account.

alter table staff_account add column enabled boolean default true not null;
alter table staff_account add column languages varchar(20) default 'en' not null;
alter table staff_account add column token_version bigint default 0 not null;
alter table staff_account add column version bigint default 0 not null;

create table staff_token_revocation (
    token_id   varchar(36) primary key,
    account_id varchar(36) not null,
    expires_at timestamp   not null,
    revoked_at timestamp   not null
);

-- No reference to staff_account: the trail outlives the accounts it names.
create table staff_audit (
    id               varchar(36)  primary key,
    at               timestamp    not null,
    actor            varchar(100) not null,
    action           varchar(30)  not null,
    account_id       varchar(36)  not null,
    account_username varchar(100) not null,
    detail           varchar(500),
    client_address   varchar(64)
);

create index staff_audit_at_idx on staff_audit (at);
