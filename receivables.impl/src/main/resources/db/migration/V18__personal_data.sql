-- Personal data encrypted at rest: each tenant's data key, sealed by the host key; room for sealed values
-- (migration 20 seals what was stored in clear); a customer's IBAN, sealed, with its keyed hash for lookups.
create table tenant_data_key (
    tenant_id   varchar(64)  not null,
    wrapped_key varchar(200) not null,
    created_at  timestamp(6) with time zone not null,
    constraint tenant_data_key_pk primary key (tenant_id)
);

alter table customer_account alter column tax_id set data type varchar(512);
alter table customer_account alter column email set data type varchar(512);
alter table customer_account alter column phone set data type varchar(512);
alter table customer_account add column iban varchar(512);
alter table customer_account add column iban_index varchar(64);
alter table customer_account add column personal_data_erased_at timestamp(6) with time zone;
create index customer_account_iban_ix on customer_account (tenant_id, iban_index);
