-- Provider SPI 2.0: a refund the channel took and confirms later is asked about from then on.
alter table intent_refund add accepted_at timestamp(6) with time zone;
