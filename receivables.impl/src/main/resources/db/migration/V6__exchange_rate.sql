-- Exchange rates by day into the tenant's functional currency.
create table exchange_rate (
    tenant_id varchar(64)   not null,
    currency  varchar(3)    not null,
    rate_date date          not null,
    rate      numeric(20,10) not null,
    constraint exchange_rate_pk primary key (tenant_id, currency, rate_date)
);
