-- The registry of open channels (the vendor's support queues) and their operators, in order.

create table open_channel (
    id                  varchar(36)  primary key,
    name                varchar(200) not null,
    language            varchar(5)   not null,
    edition             varchar(20)  not null,
    enabled             boolean      not null,
    routing_mode        varchar(20),
    queue_time_seconds  integer      not null,
    capacity            integer      not null,
    count_only_answered boolean      not null,
    time_zone           varchar(60)  not null,
    working_days        varchar(40)  not null,
    working_from        varchar(5)   not null,
    working_to          varchar(5)   not null,
    version             bigint       not null
);

create index open_channel_serving_idx on open_channel (language, edition);

create table open_channel_operator (
    channel_id varchar(36)  not null references open_channel (id),
    position   integer      not null,
    username   varchar(100) not null,
    primary key (channel_id, position)
);
