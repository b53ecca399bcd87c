-- Files in the conversation (issue 13, section 1). Written once for H2 and PostgreSQL alike.

-- How many files a message carries: a replay looks attachments up only for a page that has some.
alter table chat_message add column attachment_count integer default 0 not null;

-- One row per file of a message. The name is shown only; the bytes are found by their SHA-256.
create table attachment (
    id              varchar(36)  primary key,
    conversation_id varchar(36)  not null references conversation (id),
    portal_id       varchar(36)  not null references portal (id),
    message_seq     bigint       not null,
    position        integer      not null,
    file_name       varchar(255) not null,
    size_bytes      bigint       not null,
    file_type       varchar(10)  not null,
    sha256          varchar(64)  not null,
    created_at      timestamp    not null,
    constraint attachment_message_uq unique (conversation_id, message_seq, position)
);

-- The portal's bytes of the last 24 hours (a limit), and "is this content still referenced?".
create index attachment_portal_created_idx on attachment (portal_id, created_at);
create index attachment_sha256_idx on attachment (sha256);

-- The database store (the default): content addressed by its SHA-256. bytea is binary varying on H2.
create table attachment_blob (
    sha256     varchar(64) primary key,
    size_bytes bigint      not null,
    content    bytea       not null,
    created_at timestamp   not null
);
