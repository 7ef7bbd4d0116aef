-- Period-end revaluations of open receivables in other currencies, one per tenant and day, with what each
-- currency gained or lost at that day's rate.
create table fx_revaluation (
    tenant_id           varchar(64) not null,
    id                  uuid        not null,
    as_of               date        not null,
    functional_currency varchar(3)  not null,
    created_at          timestamp(6) with time zone not null,
    constraint fx_revaluation_pk primary key (tenant_id, id)
);
create unique index fx_revaluation_day_uk on fx_revaluation (tenant_id, as_of);

create table fx_revaluation_line (
    tenant_id      varchar(64)   not null,
    id             uuid          not null,
    revaluation_id uuid          not null,
    currency       varchar(3)    not null,
    open_amount    numeric(19,4) not null,
    book_value     numeric(19,4) not null,
    rate           numeric(20,10) not null,
    revalued       numeric(19,4) not null,
    difference     numeric(19,4) not null,
    constraint fx_revaluation_line_pk primary key (tenant_id, id)
);
create index fx_revaluation_line_ix on fx_revaluation_line (tenant_id, revaluation_id);
