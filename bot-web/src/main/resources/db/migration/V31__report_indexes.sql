-- The reports read a period of sessions (by the day their question was asked), optionally of one channel
-- (support_session_queue_idx: channel_id, asked_at) or of one operator, and a period of activation runs.
create index support_session_asked_idx on support_session (asked_at);
create index support_session_operator_asked_idx on support_session (operator, asked_at);
create index activation_report_started_idx on activation_report (started_at);
