-- Failed staff logins in a row, and the lock-outs they caused (lifted by a support manager).
create table staff_login_lockout (
    username            varchar(100) primary key,
    failures            integer      not null,
    last_failure_at     timestamp    not null,
    last_client_address varchar(64),
    locked_at           timestamp,
    version             bigint       not null
);

create index staff_login_lockout_locked_idx on staff_login_lockout (locked_at);
