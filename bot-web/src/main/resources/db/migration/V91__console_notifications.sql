-- The agent console's notifications (issue 13), switched on or off by each staff member for their own
-- account: new offers, new messages while the console's tab is hidden, administrators who came back, and
-- the sound that goes with them. All on until switched off.

alter table staff_account add column notify_offers boolean default true not null;
alter table staff_account add column notify_messages boolean default true not null;
alter table staff_account add column notify_returns boolean default true not null;
alter table staff_account add column notify_sound boolean default true not null;
