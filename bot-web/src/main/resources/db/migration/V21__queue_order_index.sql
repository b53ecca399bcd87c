-- A channel's queue in queue order, read in one go for every queue position of the channel
-- (support_session_queue_idx), and the sessions that make up the operators' load (offered, assigned,
-- answered), read without touching the waiting ones (support_session_state_idx).
create index support_session_queue_idx on support_session (channel_id, asked_at, id);
create index support_session_state_idx on support_session (state);
