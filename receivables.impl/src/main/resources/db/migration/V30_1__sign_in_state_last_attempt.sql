-- When a user name was last tried, so that the bookkeeping of names nobody tries any more (guessed names among them)
-- can be forgotten by the periodic cleanup. Rows from before stay null and count as long untried.
alter table sign_in_state add column last_attempt_at timestamp(6) with time zone;
create index sign_in_state_attempt_ix on sign_in_state (tenant_id, last_attempt_at);
