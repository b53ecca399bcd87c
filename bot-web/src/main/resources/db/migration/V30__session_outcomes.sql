-- What the reports need to know about a session and was not recorded before: when it joined the queue
-- (its question, or the administrator's "send to support anyway" after triage held it), how long it waited
-- for its first operator and for their first reply, whether it was sent anyway, and how it ended.
-- Sessions that ended before this migration have none of it: the reports count them as "not recorded"
-- rather than guess (an operator's close and the inactivity close left the same row behind); so have the
-- sessions open now (their queue and response times start with the sessions asked after it).

alter table support_session add column queued_at timestamp;
alter table support_session add column queue_millis bigint;
alter table support_session add column first_response_millis bigint;
alter table support_session add column sent_anyway boolean default false not null;
alter table support_session add column outcome varchar(30);
