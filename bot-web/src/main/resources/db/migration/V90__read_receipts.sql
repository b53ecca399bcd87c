-- Read receipts (issue 13): how far each side of a conversation has read it, as the highest sequence number
-- read (0: nothing yet). Kept with the conversation so that they survive reconnects and restarts; they
-- only ever move up (the hub's update is conditional on a higher number).

alter table conversation add column operator_read_seq bigint default 0 not null;
alter table conversation add column administrator_read_seq bigint default 0 not null;
