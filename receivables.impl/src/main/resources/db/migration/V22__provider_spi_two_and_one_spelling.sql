-- Provider SPI 2.0: a refund the channel took and confirms later is asked about from then on.
alter table intent_refund add accepted_at timestamp(6) with time zone;

-- One spelling across API, code and data: CANCELED, as intents and provider reports already had it.
update invoice set status = 'CANCELED' where status = 'CANCELLED';
