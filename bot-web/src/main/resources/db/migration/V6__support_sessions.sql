-- Routed support sessions: the channels' session settings, sessions with their offers, operator presence.

alter table open_channel add column welcome_message varchar(1000);
alter table open_channel add column out_of_hours_message varchar(1000);
alter table open_channel add column days_off varchar(4000);
alter table open_channel add column auto_close_minutes integer default 0 not null;
alter table open_channel add column vote_on_close boolean default true not null;

create table open_channel_canned (
    channel_id varchar(36)   not null references open_channel (id),
    position   integer       not null,
    title      varchar(100)  not null,
    body       varchar(4000) not null,
    primary key (channel_id, position)
);

create table support_session (
    id                 varchar(36)  primary key,
    conversation_id    varchar(36)  not null references conversation (id),
    -- the conversation id while the session is open, null once closed: one open session per conversation
    open_key           varchar(36),
    portal_id          varchar(36)  not null,
    channel_id         varchar(36)  not null references open_channel (id),
    locale             varchar(5)   not null,
    state              varchar(10)  not null,
    operator           varchar(100),
    asked_at           timestamp    not null,
    first_seq          bigint       not null,
    last_seq           bigint,
    first_message      varchar(500) not null,
    offered_at         timestamp,
    tried              varchar(4000),
    preferred_operator varchar(100),
    note               varchar(1000),
    last_activity_at   timestamp    not null,
    assigned_at        timestamp,
    closed_at          timestamp,
    vote               varchar(10),
    vote_comment       varchar(1000),
    vote_requested     boolean      not null,
    version            bigint       not null,
    constraint support_session_open_uq unique (open_key)
);

create index support_session_channel_state_idx on support_session (channel_id, state, asked_at);
create index support_session_conversation_idx on support_session (conversation_id, asked_at);
create index support_session_portal_idx on support_session (portal_id);
create index support_session_operator_idx on support_session (operator, state);

create table support_session_offer (
    session_id varchar(36)  not null references support_session (id),
    username   varchar(100) not null,
    primary key (session_id, username)
);

create index support_session_offer_user_idx on support_session_offer (username);

create table operator_presence (
    username        varchar(100) primary key,
    status          varchar(10)  not null,
    last_seen_at    timestamp    not null,
    disconnected_at timestamp,
    idle_since      timestamp    not null,
    version         bigint       not null
);
