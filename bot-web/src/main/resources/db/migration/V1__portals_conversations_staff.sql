-- Portals, their support bot, conversations with stored messages, and staff accounts.
-- Written once for H2 and PostgreSQL alike.

create table portal (
    id              varchar(36)   primary key,
    name            varchar(200)  not null,
    public_address  varchar(2048) not null,
    public_origin   varchar(2048) not null,
    license_key     varchar(4096) not null,
    product_version varchar(40)   not null,
    locale          varchar(5)    not null,
    secret_hash     varchar(100)  not null,
    secret_sealed   varchar(400)  not null,
    bot_state       varchar(20)   not null,
    created_at      timestamp     not null,
    version         bigint        not null
);

-- The WebSocket handshake asks "is this page origin a registered portal's?" on every connection.
create index portal_public_origin_idx on portal (public_origin);

create table conversation (
    id          varchar(36)  primary key,
    portal_id   varchar(36)  not null references portal (id),
    user_id     varchar(200) not null,
    user_name   varchar(200) not null,
    last_seq    bigint       not null,
    created_at  timestamp    not null,
    constraint conversation_portal_user_uq unique (portal_id, user_id)
);

create table chat_message (
    id              varchar(36)   primary key,
    conversation_id varchar(36)   not null references conversation (id),
    seq             bigint        not null,
    client_msg_id   varchar(36),
    author_kind     varchar(10)   not null,
    author_name     varchar(200)  not null,
    body            varchar(8000) not null,
    actions         varchar(200),
    created_at      timestamp     not null,
    -- The database, not only the code, guarantees one number per message and one copy per client id.
    constraint chat_message_seq_uq unique (conversation_id, seq),
    constraint chat_message_client_msg_uq unique (conversation_id, client_msg_id)
);

create table staff_account (
    id            varchar(36)  primary key,
    username      varchar(100) not null unique,
    display_name  varchar(200) not null,
    password_hash varchar(400) not null,
    roles         varchar(200) not null,
    created_at    timestamp    not null
);
