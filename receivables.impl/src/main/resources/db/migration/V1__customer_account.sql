-- Every table starts its keys and indexes with tenant_id so that a tenant-sharded PostgreSQL
-- (Citus) can distribute it by tenant.
create table customer_account (
    tenant_id       varchar(64)  not null,
    id              uuid         not null,
    customer_number varchar(64),
    name            varchar(200) not null,
    tax_id          varchar(64),
    email           varchar(254),
    currency        varchar(3)   not null,
    version         bigint       not null,
    created_at      timestamp(6) with time zone not null,
    updated_at      timestamp(6) with time zone not null,
    constraint customer_account_pk primary key (tenant_id, id)
);

create unique index customer_account_number_uk on customer_account (tenant_id, customer_number);
create index customer_account_name_ix on customer_account (tenant_id, name);
