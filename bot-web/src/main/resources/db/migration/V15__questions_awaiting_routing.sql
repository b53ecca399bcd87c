-- A support question is marked in the same transaction that stores it, and unmarked in the one that opens
-- or continues its session: a crash between the acknowledgement and routing leaves the mark, and the
-- routing beat routes it again.
alter table chat_message add column awaiting_routing varchar(5);

create index chat_message_awaiting_routing_idx on chat_message (awaiting_routing, created_at);
