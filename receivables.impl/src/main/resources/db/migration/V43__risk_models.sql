-- Payment risk learned per tenant: each trained model as plain numbers (a mean, a scale and two weights per factor),
-- and the scores of the tenant's latest model, replaced whole at each training.
create table risk_model (
    tenant_id         varchar(64)      not null,
    version           integer          not null,
    trained_as_of     date             not null,
    examples          integer          not null,
    labelled          integer          not null,
    late_intercept    double precision not null,
    over_90_intercept double precision not null,
    trained_at        timestamp(6) with time zone not null,
    constraint risk_model_pk primary key (tenant_id, version)
);

create table risk_model_factor (
    tenant_id      varchar(64)      not null,
    version        integer          not null,
    factor         varchar(32)      not null,
    mean           double precision not null,
    scale          double precision not null,
    late_weight    double precision not null,
    over_90_weight double precision not null,
    constraint risk_model_factor_pk primary key (tenant_id, version, factor)
);

-- One row per installment open when the model scored them.
create table risk_installment (
    tenant_id           varchar(64)      not null,
    installment_id      uuid             not null,
    invoice_id          uuid             not null,
    customer_id         uuid             not null,
    model_version       integer          not null,
    scored_on           date             not null,
    predicted_days_late integer          not null,
    predicted_on        date             not null,
    probability_over_90 double precision not null,
    constraint risk_installment_pk primary key (tenant_id, installment_id)
);
create index risk_installment_invoice_ix on risk_installment (tenant_id, invoice_id);

create table risk_customer (
    tenant_id           varchar(64)      not null,
    customer_id         uuid             not null,
    model_version       integer          not null,
    scored_on           date             not null,
    score               integer          not null,
    probability_over_90 double precision not null,
    expected_days_late  integer          not null,
    constraint risk_customer_pk primary key (tenant_id, customer_id)
);

-- The factors that raise a customer's score most, rank 1 the largest.
create table risk_customer_reason (
    tenant_id    varchar(64)      not null,
    customer_id  uuid             not null,
    reason_rank  integer          not null,
    factor       varchar(32)      not null,
    factor_value double precision not null,
    contribution double precision not null,
    constraint risk_customer_reason_pk primary key (tenant_id, customer_id, reason_rank)
);
