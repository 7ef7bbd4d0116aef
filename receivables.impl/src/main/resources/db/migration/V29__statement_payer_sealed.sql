-- A statement line's payer (counterparty name and IBAN) is personal data: both are stored sealed under the tenant's
-- data key (migration 29.1 seals the lines stored in clear before), the IBAN found again by its keyed hash, the same
-- as a customer's iban_index, so that a payer's IBAN names the customer whose account it is.
alter table bank_statement_line alter column counterparty_name set data type varchar(1000);
alter table bank_statement_line alter column counterparty_iban set data type varchar(512);
alter table bank_statement_line add column counterparty_iban_index varchar(64);
drop index bank_statement_line_payer_ix;
create index bank_statement_line_payer_ix on bank_statement_line (tenant_id, counterparty_iban_index);
