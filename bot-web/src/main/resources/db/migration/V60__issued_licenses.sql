-- The register of licence keys this hub signed (the managers' Licences page lists it, newest first).
create table issued_license (
    id          varchar(36)   primary key,
    serial      varchar(64)   not null,
    licensee    varchar(200)  not null,
    domain      varchar(253)  not null,
    edition     varchar(20)   not null,
    expires     date          not null,
    license_key varchar(4096) not null,
    issued_by   varchar(100)  not null,
    issued_at   timestamp     not null
);

create index issued_license_issued_at_idx on issued_license (issued_at);
