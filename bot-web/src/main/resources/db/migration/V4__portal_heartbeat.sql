-- When the portal's server last proved it can reach the hub (its authenticated heartbeat).
alter table portal add column last_heartbeat_at timestamp;
