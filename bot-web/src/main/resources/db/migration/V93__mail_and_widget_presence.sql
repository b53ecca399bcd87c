-- Answers that reach an administrator who went away (issue 13, section 3). H2 and PostgreSQL alike.

-- The user's address from their token's optional "email" claim.
alter table conversation add column user_email varchar(254);

-- "Left for later": nobody could take the question, and the administrator left it with an address.
alter table support_session add column left_for_later boolean default false not null;
alter table support_session add column contact_email varchar(254);
-- The bot offered to leave the question for later (once per session).
alter table support_session add column later_offered boolean default false not null;
-- The last answer mailed to the administrator: the quiet period counts from here.
alter table support_session add column last_mailed_at timestamp;

-- Mail to send, written with its cause in one transaction; cause is what makes it once only.
create table mail_outbox (
    id              varchar(36)    primary key,
    cause           varchar(200)   not null,
    recipient       varchar(254)   not null,
    subject         varchar(300)   not null,
    body            varchar(100000) not null,
    locale          varchar(5)     not null,
    status          varchar(10)    not null,
    attempts        integer        default 0 not null,
    next_attempt_at timestamp      not null,
    created_at      timestamp      not null,
    sent_at         timestamp,
    last_error      varchar(1000),
    constraint mail_outbox_cause_uq unique (cause)
);
create index mail_outbox_due_idx on mail_outbox (status, next_attempt_at);
create index mail_outbox_created_idx on mail_outbox (created_at);

-- Which conversations have a widget open on which hub instance, refreshed by each instance's heartbeat.
create table widget_presence (
    conversation_id varchar(36) not null,
    instance_id     varchar(36) not null,
    seen_at         timestamp   not null,
    primary key (conversation_id, instance_id)
);
create index widget_presence_instance_idx on widget_presence (instance_id);
