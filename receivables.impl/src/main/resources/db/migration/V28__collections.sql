-- Dunning policies per tenant: levels by days relative to the due date, fees, interest, credit hold, escalation.
create table dunning_policy (
    tenant_id          varchar(64)   not null,
    code               varchar(32)   not null,
    name               varchar(200)  not null,
    min_days_between   integer       not null,
    minimum_overdue    numeric(19,4) not null,
    annual_interest    numeric(9,4)  not null,
    charge_terms_code  varchar(32)   not null,
    language           varchar(8)    not null,
    channel            varchar(32)   not null,
    tenant_default     boolean       not null,
    version            bigint        not null,
    constraint dunning_policy_pk primary key (tenant_id, code)
);
create table dunning_policy_level (
    tenant_id    varchar(64)   not null,
    id           uuid          not null,
    policy_code  varchar(32)   not null,
    level_number integer       not null,
    days         integer       not null,
    fee          numeric(19,4) not null,
    credit_hold  boolean       not null,
    escalate_to  varchar(16),
    constraint dunning_policy_level_pk primary key (tenant_id, id)
);
create unique index dunning_policy_level_uk on dunning_policy_level (tenant_id, policy_code, level_number);
create table dunning_policy_segment (
    tenant_id   varchar(64) not null,
    segment     varchar(64) not null,
    policy_code varchar(32) not null,
    constraint dunning_policy_segment_pk primary key (tenant_id, segment)
);
create table dunning_customer_policy (
    tenant_id   varchar(64) not null,
    customer_id uuid        not null,
    policy_code varchar(32) not null,
    constraint dunning_customer_policy_pk primary key (tenant_id, customer_id)
);
create index dunning_customer_policy_code_ix on dunning_customer_policy (tenant_id, policy_code);

-- When a tenant's daily run starts, in the tenant's time zone.
create table dunning_schedule (
    tenant_id varchar(64) not null,
    enabled   boolean     not null,
    run_at    varchar(5)  not null,
    time_zone varchar(64) not null,
    constraint dunning_schedule_pk primary key (tenant_id)
);

-- A tenant's run of one day: at most one per tenant and day.
create table dunning_run (
    tenant_id   varchar(64) not null,
    run_date    date        not null,
    status      varchar(16) not null,
    notices     integer     not null,
    started_at  timestamp(6) with time zone not null,
    finished_at timestamp(6) with time zone,
    constraint dunning_run_pk primary key (tenant_id, run_date)
);

-- One notice per customer and run, covering all its overdue items; its delivery is tried until it is settled.
create table dunning_notice (
    tenant_id       varchar(64)   not null,
    id              uuid          not null,
    run_date        date          not null,
    customer_id     uuid          not null,
    notice_level    integer       not null,
    currency        varchar(3)    not null,
    overdue         numeric(19,4) not null,
    fee             numeric(19,4) not null,
    interest        numeric(19,4) not null,
    channel         varchar(32)   not null,
    delivery        varchar(16)   not null,
    attempts        integer       not null,
    delivery_detail varchar(500),
    created_at      timestamp(6) with time zone not null,
    constraint dunning_notice_pk primary key (tenant_id, id)
);
create unique index dunning_notice_run_uk on dunning_notice (tenant_id, run_date, customer_id);
create index dunning_notice_customer_ix on dunning_notice (tenant_id, customer_id, run_date);
create index dunning_notice_delivery_ix on dunning_notice (tenant_id, delivery);
create table dunning_notice_item (
    tenant_id      varchar(64)   not null,
    id             uuid          not null,
    notice_id      uuid          not null,
    installment_id uuid          not null,
    invoice_id     uuid          not null,
    invoice_number varchar(40)   not null,
    sequence_number integer      not null,
    due_date       date          not null,
    open_amount    numeric(19,4) not null,
    days_past_due  integer       not null,
    item_level     integer       not null,
    charge         boolean       not null,
    constraint dunning_notice_item_pk primary key (tenant_id, id)
);
create unique index dunning_notice_item_uk on dunning_notice_item (tenant_id, notice_id, installment_id);
-- The charged fee and interest items, and the notice they were charged with (none for interest charged when the
-- principal was paid).
create table dunning_charge (
    tenant_id  varchar(64) not null,
    invoice_id uuid        not null,
    kind       varchar(16) not null,
    notice_id  uuid,
    constraint dunning_charge_pk primary key (tenant_id, invoice_id)
);

-- Where each installment stands in dunning: the level it was last noticed at, the level whose fee it carried,
-- and the interest accrued on it and not yet charged (kept at ten decimals, charged at the currency's).
create table dunning_installment (
    tenant_id        varchar(64)   not null,
    installment_id   uuid          not null,
    customer_id      uuid          not null,
    noticed_level    integer       not null,
    fee_level        integer       not null,
    accrued_interest numeric(29,10) not null,
    accrued_until    date,
    constraint dunning_installment_pk primary key (tenant_id, installment_id)
);
create index dunning_installment_customer_ix on dunning_installment (tenant_id, customer_id);

create table invoice_dispute (
    tenant_id   varchar(64)  not null,
    id          uuid         not null,
    invoice_id  uuid         not null,
    reason      varchar(500) not null,
    opened_at   timestamp(6) with time zone not null,
    resolved_at timestamp(6) with time zone,
    resolution  varchar(500),
    constraint invoice_dispute_pk primary key (tenant_id, id)
);
create index invoice_dispute_invoice_ix on invoice_dispute (tenant_id, invoice_id);

create table promise_to_pay (
    tenant_id    varchar(64)   not null,
    id           uuid          not null,
    customer_id  uuid          not null,
    amount       numeric(19,4) not null,
    currency     varchar(3)    not null,
    promised_for date          not null,
    status       varchar(16)   not null,
    note         varchar(500),
    made_at      timestamp(6) with time zone not null,
    constraint promise_to_pay_pk primary key (tenant_id, id)
);
create index promise_to_pay_customer_ix on promise_to_pay (tenant_id, customer_id, status);

create table collection_task (
    tenant_id   varchar(64)  not null,
    id          uuid         not null,
    customer_id uuid         not null,
    stage       varchar(16),
    reason      varchar(500) not null,
    due         date         not null,
    created_at  timestamp(6) with time zone not null,
    done_at     timestamp(6) with time zone,
    constraint collection_task_pk primary key (tenant_id, id)
);
create index collection_task_open_ix on collection_task (tenant_id, done_at, created_at);

-- What collectors logged of their contacts with customers, with the next action they set.
create table collection_activity (
    tenant_id      varchar(64)   not null,
    id             uuid          not null,
    customer_id    uuid          not null,
    kind           varchar(16)   not null,
    outcome        varchar(24),
    notes          varchar(2000),
    promise_id     uuid,
    next_action    varchar(200),
    next_action_on date,
    actor          varchar(200)  not null,
    logged_at      timestamp(6) with time zone not null,
    constraint collection_activity_pk primary key (tenant_id, id)
);
create index collection_activity_customer_ix on collection_activity (tenant_id, customer_id, logged_at);
