-- IFRS 9 loss allowance posted at period ends: one provision per tenant and month, and the allowance it set per
-- currency, from which the next period end posts only the change.
create table provision (
    tenant_id  varchar(64) not null,
    id         uuid        not null,
    period     varchar(7)  not null,
    as_of      date        not null,
    months     integer     not null,
    created_at timestamp(6) with time zone not null,
    constraint provision_pk primary key (tenant_id, id)
);
create unique index provision_period_uk on provision (tenant_id, period);
create index provision_as_of_ix on provision (tenant_id, as_of);

create table provision_currency (
    tenant_id    varchar(64)   not null,
    provision_id uuid          not null,
    currency     varchar(3)    not null,
    allowance    numeric(19,4) not null,
    previous     numeric(19,4) not null,
    constraint provision_currency_pk primary key (tenant_id, provision_id, currency)
);
