-- A bot that a periodic re-check disconnected reconnects by itself when the re-check passes again.
alter table portal add column disconnected_by_recheck boolean default false not null;

-- Notices for a portal's administrators go to their conversations only.
alter table conversation add column user_admin boolean default false not null;
