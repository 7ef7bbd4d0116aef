-- Reversals keep the audit trail: an allocation taken back is a new, negative allocation naming the one it
-- reverses and why (so aging as of any day needs no change), and a reversed payment keeps its row.
alter table allocation add column reverses_id uuid;
alter table allocation add column reason varchar(200);
alter table payment add column status varchar(16) default 'RECEIVED' not null;
alter table payment add column reversed_on date;
alter table payment add column reversal_reason varchar(200);
