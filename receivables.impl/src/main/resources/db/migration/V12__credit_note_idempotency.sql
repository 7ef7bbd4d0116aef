-- A retried credit-note request must not credit twice: the same idempotency key returns the note issued under it.
alter table credit_note add column idempotency_key varchar(128);
create unique index credit_note_key_uk on credit_note (tenant_id, idempotency_key);
